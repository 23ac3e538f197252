package com.pilimarket.forecasting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A forecast on a market's page ({@code GET /markets/{id}/forecasts}). */
public record MarketForecast(
        UUID id,
        Forecaster user,
        UUID outcomeId,
        long points,

        @Schema(allowableValues = {"pending", "won", "lost", "refunded"})
        String status,

        @Nullable Long payout,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
