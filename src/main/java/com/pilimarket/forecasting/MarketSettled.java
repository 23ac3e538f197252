package com.pilimarket.forecasting;

import java.time.Instant;
import java.util.UUID;

/**
 * Every forecast of a resolved or cancelled market has been paid out or refunded and the pool is
 * empty. Published once per market, after the last batch. Each batch was announced as it was paid
 * ({@link SettledBatch}, with its forecasts' ids): the per-forecast work (scoring, notifications)
 * listens to those, so that it runs beside the payouts. {@code winningOutcomeId} is null for a
 * cancelled market; {@code house} is the fee plus breakage; {@code forecastCount} is how many
 * forecasts were settled.
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
        int forecastCount) {}
