package com.pilimarket.forecasting;

import com.pilimarket.markets.MarketRef;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A forecast in a user's list ({@code GET /users/{id}/forecasts}), with its market and outcome named. */
public record UserForecast(
        UUID id,
        MarketRef market,
        String marketStatus,
        UUID outcomeId,
        String outcomeName,
        long points,
        String status,
        double crowdProbability,
        Long payout,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime settledAt) {}
