package com.pilimarket.reputation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReputationRecordsTests {

    @Test
    void a_settlement_time_is_stored_to_the_nearest_microsecond_as_the_driver_rounds_it() {
        assertThat(ReputationRecords.micros(Instant.EPOCH)).isZero();
        assertThat(ReputationRecords.micros(Instant.parse("2026-12-01T19:06:40.123457Z")))
                .isEqualTo(1_796_152_000_123_457L);
        assertThat(ReputationRecords.micros(Instant.parse("2026-12-01T19:06:40.123456499Z")))
                .isEqualTo(1_796_152_000_123_456L);
        assertThat(ReputationRecords.micros(Instant.parse("2026-12-01T19:06:40.999999500Z")))
                .isEqualTo(1_796_152_001_000_000L);
        assertThat(ReputationRecords.micros(Instant.parse("1969-12-31T23:59:59.999999Z")))
                .isEqualTo(-1L);
    }
}
