package com.pilimarket.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbabilitiesTests {

    @Test
    void an_empty_market_shows_equal_odds_and_no_payout_per_chip() {
        List<Probabilities.Odds> odds = Probabilities.of(new long[] {0, 0, 0, 0}, 100, BigDecimal.ZERO);

        assertThat(odds).allSatisfy(o -> {
            assertThat(o.probability()).isEqualTo(0.25);
            assertThat(o.poolShare()).isZero();
            assertThat(o.payoutPerChip()).isNull();
        });
    }

    @Test
    void the_prior_pulls_a_small_pool_towards_equal_odds() {
        // I = 100, k = 2, A = (300, 100), T = 400: q = (50 + 300) / 500 = 0.7 and (50 + 100) / 500 = 0.3.
        List<Probabilities.Odds> odds = Probabilities.of(new long[] {300, 100}, 100, BigDecimal.ZERO);

        assertThat(odds.get(0).probability()).isCloseTo(0.7, within(1e-12));
        assertThat(odds.get(1).probability()).isCloseTo(0.3, within(1e-12));
        assertThat(odds.get(0).poolShare()).isEqualTo(0.75);
        assertThat(odds.get(1).poolShare()).isEqualTo(0.25);
        assertThat(odds.get(0).payoutPerChip()).isCloseTo(400.0 / 300, within(1e-12));
        assertThat(odds.get(1).payoutPerChip()).isEqualTo(4.0);
    }

    @Test
    void the_payout_per_chip_is_net_of_the_house_fee() {
        // T = 1,001, fee 5 %: D = floor(950.95) = 950.
        List<Probabilities.Odds> odds = Probabilities.of(new long[] {1_000, 1}, 100, new BigDecimal("5"));

        assertThat(odds.get(1).payoutPerChip()).isEqualTo(950.0);
    }

    @Test
    void probabilities_always_sum_to_one() {
        long[][] cases = {{1, 2, 3}, {0, 0, 1_000_000_000L}, {7, 7, 7, 7, 7, 7, 7}, {1, 0}, {Long.MAX_VALUE / 4, 1}};
        for (long[] totals : cases) {
            double sum = Probabilities.of(totals, 100, BigDecimal.ZERO).stream()
                    .mapToDouble(Probabilities.Odds::probability)
                    .sum();
            assertThat(sum).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void with_no_prior_and_no_stakes_the_odds_are_still_equal() {
        assertThat(Probabilities.of(new long[] {0, 0}, 0, BigDecimal.ZERO))
                .extracting(Probabilities.Odds::probability)
                .containsExactly(0.5, 0.5);
    }
}
