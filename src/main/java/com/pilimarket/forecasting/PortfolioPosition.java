package com.pilimarket.forecasting;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An open position (a pending forecast) valued at the market's current pool: {@code payoutIfWinsNow}
 * is what settlement would pay if the market were resolved to this outcome now — the pari-mutuel
 * share of the pool after the house fee ({@code markets.PariMutuel}); {@code potentialProfit} is that
 * minus the stake; {@code crowdProbability} is the outcome's probability when the forecast was placed.
 */
public record PortfolioPosition(
        UUID forecastId,
        PortfolioMarket market,
        UUID outcomeId,
        String outcomeName,
        @Nullable String outcomeNameFil,
        long stake,
        double probabilityNow,
        double crowdProbability,
        long payoutIfWinsNow,
        long potentialProfit,
        OffsetDateTime placedAt) {}
