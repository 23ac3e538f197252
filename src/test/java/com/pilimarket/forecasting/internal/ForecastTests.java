package com.pilimarket.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.pilimarket.shared.ApiException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ForecastTests {

    static final UUID YES = UUID.randomUUID();
    static final UUID NO = UUID.randomUUID();

    @Test
    void the_crowd_probability_is_stake_weighted_over_top_ups() {
        Forecast forecast = Forecast.open(YES, 100, 0.5, 1_000);
        forecast.topUp(YES, 300, 0.7, 1_000);

        assertThat(forecast.points()).isEqualTo(400);
        assertThat(forecast.placements()).isEqualTo(2);
        assertThat(forecast.crowdProbability()).isCloseTo((100 * 0.5 + 300 * 0.7) / 400, within(1e-12));
    }

    @Test
    void switching_outcome_is_refused() {
        Forecast forecast = Forecast.open(YES, 100, 0.5, 1_000);
        assertThatThrownBy(() -> forecast.topUp(NO, 1, 0.5, 1_000))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo("OUTCOME_SWITCH_NOT_ALLOWED");
        assertThat(forecast.points()).isEqualTo(100);
    }

    @Test
    void the_cap_counts_every_top_up() {
        assertThatThrownBy(() -> Forecast.open(YES, 1_001, 0.5, 1_000))
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo("MAX_POINTS_EXCEEDED");
        Forecast forecast = Forecast.open(YES, 600, 0.5, 1_000);
        assertThatThrownBy(() -> forecast.topUp(YES, 401, 0.5, 1_000))
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo("MAX_POINTS_EXCEEDED");
        forecast.topUp(YES, 400, 0.5, 1_000);
        assertThat(forecast.points()).isEqualTo(1_000);
    }
}
