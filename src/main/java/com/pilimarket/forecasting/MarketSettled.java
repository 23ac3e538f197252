package com.pilimarket.forecasting;

import java.time.Instant;
import java.util.UUID;

/**
 * Every forecast of a resolved or cancelled market has been paid out or refunded and the pool is
 * empty. Published once per market (at least once to listeners). It does not carry the forecasts:
 * the event is serialised into the publication table once per listener and read back, which for a
 * 100,000-forecast market was ~30 MB each; listeners read the settled forecasts in chunks through
 * {@link Forecasts#forEachSettledChunk} (they no longer change once the market is settled).
 * {@code winningOutcomeId} is null for a cancelled market; {@code house} is the fee plus breakage;
 * {@code forecastCount} is how many forecasts were settled.
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
