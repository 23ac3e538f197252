package com.pilimarket.forecasting;

import java.util.List;

/**
 * Forecasts placed, in the order they were applied: the placements of every commit of a short window,
 * over any number of markets, published together by the forecasting module's placement feed. One event
 * per window rather than one per placement or per commit, because each event becomes a durable
 * publication and a transaction per listener (docs/PERFORMANCE.md, "Placement feed").
 */
public record ForecastsPlaced(List<ForecastPlaced> placements) {

    public ForecastsPlaced {
        placements = List.copyOf(placements);
    }
}
