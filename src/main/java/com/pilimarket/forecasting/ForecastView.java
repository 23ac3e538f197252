package com.pilimarket.forecasting;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A forecast as its owner sees it; {@code payout} is null until settled. */
public record ForecastView(
        UUID id,
        UUID marketId,
        UUID outcomeId,
        long points,
        String status,
        double crowdProbability,
        Long payout,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
