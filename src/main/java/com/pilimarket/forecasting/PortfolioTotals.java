package com.pilimarket.forecasting;

/**
 * A portfolio's sums: chips staked on open positions, what they would pay if every one of them won now,
 * and the profit (payouts minus stakes) of every settled forecast so far (refunds count as zero).
 */
public record PortfolioTotals(
        int positions, long staked, long payoutIfAllWinNow, long potentialProfit, int settled, long realisedProfit) {}
