package com.pilimarket.forecasting;

import java.time.Instant;
import java.util.UUID;

/**
 * How one forecast ended: {@code won} (payout may include others' stakes), lost (payout 0) or
 * {@code refunded} (payout = stake; cancelled market, or nobody backed the winner). Read a batch at a
 * time after a {@link SettledBatch} through {@link Forecasts#settledIn}.
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
