package com.pilimarket.discovery.internal;

import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.shared.platform.Jobs;
import org.springframework.context.event.EventListener;
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

    /**
     * Runs in the placement feed's drain transaction (a plain listener: no publication, no transaction
     * of its own), so it commits with the deletion of the feed rows: if it fails, the drain rolls back
     * and the placements wait in the feed for the next one.
     */
    @EventListener
    void on(ForecastsPlaced placed) {
        jobs.run("discovery-forecasts-placed", () -> log.record(placed.placements()));
    }
}
