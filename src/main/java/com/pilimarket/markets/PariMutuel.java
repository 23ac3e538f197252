package com.pilimarket.markets;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Pari-mutuel payouts (PRODUCT.md §4), in exact integer arithmetic: the distributable pool is
 * {@code D = floor(T × (1 − fee))}; a winning stake {@code s} receives {@code floor(s × D / A_w)};
 * the rest ({@code T − Σ payouts}: the fee plus rounding breakage) goes to the house. With no stake
 * on the winner every stake is refunded.
 */
public final class PariMutuel {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PariMutuel() {}

    /** One forecast's stake on one outcome. */
    public record Stake(UUID forecastId, UUID outcomeId, long points) {

        public Stake {
            Objects.requireNonNull(forecastId, "forecastId");
            Objects.requireNonNull(outcomeId, "outcomeId");
            if (points <= 0) {
                throw new IllegalArgumentException("a stake is at least one chip");
            }
        }
    }

    /**
     * The settlement of a pool: {@code payouts} has every forecast (0 for losers), in the order of the
     * stakes; {@code refund} is true when nobody backed the winner (then payouts equal stakes).
     */
    public record Result(
            long pool, long distributable, long winningStake, boolean refund, Map<UUID, Long> payouts, long house) {

        public long payoutOf(UUID forecastId) {
            return payouts.getOrDefault(forecastId, 0L);
        }
    }

    /** {@code floor(pool × (100 − feePercent) / 100)}; the fee is a percentage in [0, 100]. */
    public static long distributable(long pool, BigDecimal feePercent) {
        if (pool < 0) {
            throw new IllegalArgumentException("a pool cannot be negative");
        }
        if (feePercent.signum() < 0 || feePercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("the fee is a percentage between 0 and 100");
        }
        return BigDecimal.valueOf(pool)
                .multiply(HUNDRED.subtract(feePercent))
                .divide(HUNDRED, 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /** {@code floor(stake × distributable / winningStake)} without overflow. */
    public static long share(long stake, long distributable, long winningStake) {
        if (stake < 0 || distributable < 0 || winningStake <= 0 || stake > winningStake) {
            throw new IllegalArgumentException("need 0 ≤ stake ≤ winning stake, winning stake > 0");
        }
        long high = Math.multiplyHigh(stake, distributable);
        long low = stake * distributable;
        if (high == 0 && low >= 0) {
            return low / winningStake;
        }
        return BigInteger.valueOf(stake)
                .multiply(BigInteger.valueOf(distributable))
                .divide(BigInteger.valueOf(winningStake))
                .longValueExact();
    }

    /** Pays a pool resolved to {@code winner}. */
    public static Result payouts(List<Stake> stakes, UUID winner, BigDecimal feePercent) {
        long pool = 0;
        long winningStake = 0;
        for (Stake stake : stakes) {
            pool = Math.addExact(pool, stake.points());
            if (stake.outcomeId().equals(winner)) {
                winningStake = Math.addExact(winningStake, stake.points());
            }
        }
        if (winningStake == 0) {
            return refunds(stakes);
        }
        long distributable = distributable(pool, feePercent);
        Map<UUID, Long> payouts = new LinkedHashMap<>();
        long paid = 0;
        for (Stake stake : stakes) {
            long payout = stake.outcomeId().equals(winner) ? share(stake.points(), distributable, winningStake) : 0;
            payouts.put(stake.forecastId(), payout);
            paid += payout;
        }
        return new Result(pool, distributable, winningStake, false, payouts, pool - paid);
    }

    /** Returns every stake exactly (cancellation, or nobody backed the winner). */
    public static Result refunds(List<Stake> stakes) {
        Map<UUID, Long> payouts = new LinkedHashMap<>();
        long pool = 0;
        for (Stake stake : stakes) {
            payouts.put(stake.forecastId(), stake.points());
            pool = Math.addExact(pool, stake.points());
        }
        return new Result(pool, pool, 0, true, payouts, 0);
    }
}
