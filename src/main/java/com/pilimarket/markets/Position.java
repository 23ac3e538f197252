package com.pilimarket.markets;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user's forecast in a market as the market page shows it ({@code my_forecast}). */
public record Position(
        UUID id,
        UUID marketId,
        UUID outcomeId,
        long points,
        String status,
        double crowdProbability,
        Long payout,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
