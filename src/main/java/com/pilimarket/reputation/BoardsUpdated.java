package com.pilimarket.reputation;

import java.util.UUID;

/**
 * Settled forecasts were added to the board totals ({@link Reputation#board}): published by the board
 * step that follows {@link ForecastsScored} of {@code marketId} once it has added {@code forecastsAdded}
 * pending forecasts (of that market and of any other still pending), so caches of the boards can drop.
 */
public record BoardsUpdated(UUID marketId, long forecastsAdded) {}
