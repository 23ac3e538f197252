package com.pilimarket.forecasting;

import java.util.List;
import java.util.UUID;

/**
 * Forecasts placed on one market in one commit: one placement, or a group committed together
 * (group commit, {@code PlacementBatcher}), in the order they were applied. One event per commit
 * rather than one per placement, because each event becomes a durable publication per listener:
 * a batch of 50 placements costs 3 publications, not 150.
 */
public record ForecastsPlaced(UUID marketId, List<ForecastPlaced> placements) {

    public ForecastsPlaced {
        placements = List.copyOf(placements);
    }
}
