package com.pilimarket.forecasting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every forecast of a resolved or cancelled market has been paid out or refunded and the pool is
 * empty. Published once per market (at least once to listeners) with every forecast's result, instead
 * of one event per forecast, so a 100,000-forecast market is one publication, not 100,000.
 * {@code winningOutcomeId} is null for a cancelled market; {@code house} is the fee plus breakage.
 */
public record MarketSettled(
        UUID marketId,
        String category,
        UUID winningOutcomeId,
        boolean cancelled,
        boolean refunded,
        long pool,
        long house,
        Instant marketCreatedAt,
        Instant settledAt,
        List<ForecastSettled> forecasts) {}
