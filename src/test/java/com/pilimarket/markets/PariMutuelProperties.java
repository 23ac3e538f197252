package com.pilimarket.markets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PariMutuelProperties {

    private static final List<UUID> OUTCOMES = List.of(
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            UUID.fromString("00000000-0000-0000-0000-000000000002"),
            UUID.fromString("00000000-0000-0000-0000-000000000003"));
    private static final UUID WINNER = OUTCOMES.get(0);

    @Provide
    Arbitrary<Long> stakes() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 100),
                Arbitraries.longs().between(1, 1_000_000),
                Arbitraries.longs().between(1, 1_000_000_000_000L));
    }

    @Provide
    Arbitrary<BigDecimal> fees() {
        return Arbitraries.oneOf(
                Arbitraries.just(BigDecimal.ZERO),
                Arbitraries.bigDecimals()
                        .between(BigDecimal.ZERO, BigDecimal.valueOf(100))
                        .ofScale(2));
    }

    private static List<PariMutuel.Stake> stakesOf(List<Long> points, List<Integer> outcomes) {
        List<PariMutuel.Stake> stakes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            stakes.add(new PariMutuel.Stake(
                    UUID.randomUUID(), OUTCOMES.get(outcomes.get(i % outcomes.size())), points.get(i)));
        }
        return stakes;
    }

    @Property(tries = 500)
    void payouts_and_the_house_share_add_up_to_the_pool_exactly(
            @ForAll @Size(min = 1, max = 60) List<@From("stakes") Long> points,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 2) Integer> outcomes,
            @ForAll("fees") BigDecimal fee) {
        List<PariMutuel.Stake> stakes = stakesOf(points, outcomes);

        PariMutuel.Result result = PariMutuel.payouts(stakes, WINNER, fee);

        long pool = points.stream().mapToLong(Long::longValue).sum();
        long paid =
                result.payouts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(result.pool()).isEqualTo(pool);
        assertThat(paid + result.house()).isEqualTo(pool);
        assertThat(result.house()).isNotNegative();
        assertThat(result.payouts()).hasSize(stakes.size());
    }

    @Property(tries = 500)
    void each_winner_gets_the_floor_of_its_exact_share_and_losers_get_nothing(
            @ForAll @Size(min = 1, max = 60) List<@From("stakes") Long> points,
            @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 2) Integer> outcomes,
            @ForAll("fees") BigDecimal fee) {
        List<PariMutuel.Stake> stakes = stakesOf(points, outcomes);
        long pool = points.stream().mapToLong(Long::longValue).sum();
        long winning = stakes.stream()
                .filter(s -> s.outcomeId().equals(WINNER))
                .mapToLong(PariMutuel.Stake::points)
                .sum();

        PariMutuel.Result result = PariMutuel.payouts(stakes, WINNER, fee);

        if (winning == 0) {
            assertThat(result.refund()).isTrue();
            stakes.forEach(s -> assertThat(result.payoutOf(s.forecastId())).isEqualTo(s.points()));
            return;
        }
        BigInteger distributable = new BigDecimal(pool)
                .multiply(BigDecimal.valueOf(100).subtract(fee))
                .divideToIntegralValue(BigDecimal.valueOf(100))
                .toBigIntegerExact();
        assertThat(result.distributable()).isEqualTo(distributable.longValueExact());
        for (PariMutuel.Stake stake : stakes) {
            long expected = stake.outcomeId().equals(WINNER)
                    ? BigInteger.valueOf(stake.points())
                            .multiply(distributable)
                            .divide(BigInteger.valueOf(winning))
                            .longValueExact()
                    : 0;
            assertThat(result.payoutOf(stake.forecastId())).isEqualTo(expected);
        }
        // Breakage is less than one chip per winner (plus the fee).
        long winners = stakes.stream().filter(s -> s.outcomeId().equals(WINNER)).count();
        assertThat(result.house()).isLessThan(pool - distributable.longValueExact() + winners);
    }

    @Property(tries = 500)
    void a_larger_winning_stake_never_pays_less(
            @ForAll @Size(min = 2, max = 40) List<@From("stakes") Long> points, @ForAll("fees") BigDecimal fee) {
        List<PariMutuel.Stake> stakes = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            stakes.add(new PariMutuel.Stake(UUID.randomUUID(), OUTCOMES.get(i % 2), points.get(i)));
        }

        PariMutuel.Result result = PariMutuel.payouts(stakes, WINNER, fee);

        List<PariMutuel.Stake> winners =
                stakes.stream().filter(s -> s.outcomeId().equals(WINNER)).toList();
        for (PariMutuel.Stake a : winners) {
            for (PariMutuel.Stake b : winners) {
                if (a.points() > b.points()) {
                    assertThat(result.payoutOf(a.forecastId())).isGreaterThanOrEqualTo(result.payoutOf(b.forecastId()));
                }
            }
        }
    }

    @Property(tries = 200)
    void a_cancellation_refunds_every_stake_exactly(
            @ForAll @Size(min = 0, max = 60) List<@From("stakes") Long> points) {
        List<PariMutuel.Stake> stakes = stakesOf(points, List.of(0, 1, 2));

        PariMutuel.Result result = PariMutuel.refunds(stakes);

        stakes.forEach(s -> assertThat(result.payoutOf(s.forecastId())).isEqualTo(s.points()));
        assertThat(result.house()).isZero();
    }

    @Example
    void shares_that_would_overflow_a_long_are_still_exact() {
        long big = Long.MAX_VALUE / 2;
        assertThat(PariMutuel.share(big, big, big + 1))
                .isEqualTo(BigInteger.valueOf(big)
                        .multiply(BigInteger.valueOf(big))
                        .divide(BigInteger.valueOf(big + 1))
                        .longValueExact());
    }

    @Example
    void the_worked_example_of_the_docs() {
        // Pool 1,000: 600 on "Yes" (400 + 200), 400 on "No"; 2 % fee → D = 980.
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID carol = UUID.randomUUID();
        List<PariMutuel.Stake> stakes = List.of(
                new PariMutuel.Stake(alice, OUTCOMES.get(0), 400),
                new PariMutuel.Stake(bob, OUTCOMES.get(0), 200),
                new PariMutuel.Stake(carol, OUTCOMES.get(1), 400));

        PariMutuel.Result result = PariMutuel.payouts(stakes, OUTCOMES.get(0), new BigDecimal("2"));

        assertThat(result.distributable()).isEqualTo(980);
        assertThat(result.payoutOf(alice)).isEqualTo(653); // floor(400 × 980 / 600) = floor(653.33)
        assertThat(result.payoutOf(bob)).isEqualTo(326); // floor(200 × 980 / 600) = floor(326.67)
        assertThat(result.payoutOf(carol)).isZero();
        assertThat(result.house()).isEqualTo(21); // 20 fee + 1 breakage
    }
}
