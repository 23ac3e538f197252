package com.pilimarket.forecasting;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A forecast on a market's page ({@code GET /markets/{id}/forecasts}). */
public record MarketForecast(
        UUID id,
        Forecaster user,
        UUID outcomeId,
        long points,
        String status,
        Long payout,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
