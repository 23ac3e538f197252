package com.pilimarket.forecasting;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A settled forecast in the portfolio's history: what it paid and the profit ({@code payout − stake}). */
public record SettledPosition(
        UUID forecastId,
        PortfolioMarket market,
        UUID outcomeId,
        String outcomeName,
        @Nullable String outcomeNameFil,
        long stake,

        @Schema(allowableValues = {"won", "lost", "refunded"})
        String status,

        long payout,
        long profit,
        double crowdProbability,
        OffsetDateTime settledAt) {}
