package com.pilimarket.markets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the market shows for each outcome (PRODUCT.md §4): with {@code k} outcomes, pool
 * {@code T = Σ A_j} and prior {@code I}, the displayed probability {@code q_i = (I/k + A_i) / (I + T)};
 * the raw pool share {@code A_i / T}; and the payout per chip if it wins now, {@code D / A_i}.
 */
public final class Probabilities {

    private Probabilities() {}

    /** The figures of one outcome; {@code payoutPerChip} is null while nobody backs it. */
    public record Odds(long totalPoints, double probability, double poolShare, Double payoutPerChip) {}

    /** The figures of every outcome, in the order of {@code totals}. */
    public static List<Odds> of(long[] totals, long prior, BigDecimal feePercent) {
        if (totals.length == 0) {
            return List.of();
        }
        if (prior < 0) {
            throw new IllegalArgumentException("the prior cannot be negative");
        }
        int k = totals.length;
        long pool = 0;
        for (long total : totals) {
            if (total < 0) {
                throw new IllegalArgumentException("totals cannot be negative");
            }
            pool = Math.addExact(pool, total);
        }
        long distributable = PariMutuel.distributable(pool, feePercent);
        double denominator = (double) prior + pool;
        List<Odds> odds = new ArrayList<>(k);
        for (long total : totals) {
            double probability = denominator == 0 ? 1.0 / k : ((double) prior / k + total) / denominator;
            double share = pool == 0 ? 0 : (double) total / pool;
            Double perChip = total == 0 ? null : (double) distributable / total;
            odds.add(new Odds(total, probability, share, perChip));
        }
        return odds;
    }

    /** The displayed probability of one outcome. */
    public static double probability(long[] totals, int index, long prior) {
        return of(totals, prior, BigDecimal.ZERO).get(index).probability();
    }
}
