package com.pilimarket.markets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user's forecast in a market as the market page shows it ({@code my_forecast}). */
public record Position(
        UUID id,
        UUID marketId,
        UUID outcomeId,
        long points,

        @Schema(allowableValues = {"pending", "won", "lost", "refunded"})
        String status,

        double crowdProbability,
        @Nullable Long payout,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
