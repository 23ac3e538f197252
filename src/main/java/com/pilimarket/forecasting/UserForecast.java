package com.pilimarket.forecasting;

import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.MarketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A forecast in a user's list ({@code GET /users/{id}/forecasts}), with its market and outcome named.
 * {@code market_id} repeats {@code market.id}: the contract's forecast fields stay flat.
 */
public record UserForecast(
        UUID id,
        UUID marketId,
        MarketRef market,
        @Schema(implementation = MarketStatus.class) String marketStatus,
        UUID outcomeId,
        String outcomeName,
        long points,

        @Schema(allowableValues = {"pending", "won", "lost", "refunded"})
        String status,

        double crowdProbability,
        @Nullable Long payout,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime settledAt) {}
