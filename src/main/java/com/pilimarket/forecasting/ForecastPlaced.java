package com.pilimarket.forecasting;

import java.time.Instant;
import java.util.UUID;

/**
 * A user staked chips on an outcome: {@code points} this time, {@code totalPoints} in all;
 * {@code topUp} when they already held the forecast; {@code crowdProbability} is the forecast's
 * stake-weighted probability before its placements.
 */
public record ForecastPlaced(
        UUID forecastId,
        UUID userId,
        UUID marketId,
        UUID outcomeId,
        String category,
        long points,
        long totalPoints,
        boolean topUp,
        double crowdProbability,
        Instant placedAt) {}
