package com.pilimarket.forecasting;

import java.util.List;

/**
 * Forecasts placed, in the order they were applied: the placements of every commit of a short window,
 * over any number of markets, published together by the forecasting module's placement feed. One event
 * per window rather than one per placement or per commit, because each event becomes a durable
 * publication and a transaction per asynchronous listener (docs/PERFORMANCE.md, "Placement feed").
 * Published in the transaction that takes the placements from the feed: a plain {@code @EventListener}
 * runs in it and sees each placement exactly once; an asynchronous module listener sees it at least once.
 */
public record ForecastsPlaced(List<ForecastPlaced> placements) {

    public ForecastsPlaced {
        placements = List.copyOf(placements);
    }
}
