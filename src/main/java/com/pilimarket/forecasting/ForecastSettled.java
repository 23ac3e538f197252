package com.pilimarket.forecasting;

import java.time.Instant;
import java.util.UUID;

/**
 * How one forecast ended: {@code won} (payout may include others' stakes), lost (payout 0) or
 * {@code refunded} (payout = stake; cancelled market, or nobody backed the winner). Read in chunks
 * after a {@link MarketSettled} through {@link Forecasts#forEachSettledChunk}.
 */
public record ForecastSettled(
        UUID userId,
        UUID forecastId,
        UUID marketId,
        String category,
        UUID outcomeId,
        boolean won,
        boolean refunded,
        long stake,
        long payout,
        double crowdProbability,
        Instant placedAt,
        Instant marketCreatedAt,
        Instant settledAt,
        boolean flagged) {}
