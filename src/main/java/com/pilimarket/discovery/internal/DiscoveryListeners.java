package com.pilimarket.discovery.internal;

import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.shared.platform.Jobs;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Keeps the placement log of the feed; idempotent, so a redelivered event changes nothing. */
@Component
class DiscoveryListeners {

    private final PlacementLog log;
    private final Jobs jobs;

    DiscoveryListeners(PlacementLog log, Jobs jobs) {
        this.log = log;
        this.jobs = jobs;
    }

    @ApplicationModuleListener
    void on(ForecastsPlaced placed) {
        jobs.run("discovery-forecasts-placed", () -> log.record(placed.placements()));
    }
}
