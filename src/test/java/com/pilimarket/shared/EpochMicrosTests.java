package com.pilimarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochMicrosTests {

    @Test
    void a_time_is_stored_to_the_nearest_microsecond_as_the_driver_rounds_it() {
        assertThat(EpochMicros.of(Instant.EPOCH)).isZero();
        assertThat(EpochMicros.of(Instant.parse("2026-12-01T19:06:40.123457Z"))).isEqualTo(1_796_152_000_123_457L);
        assertThat(EpochMicros.of(Instant.parse("2026-12-01T19:06:40.123456499Z")))
                .isEqualTo(1_796_152_000_123_456L);
        assertThat(EpochMicros.of(Instant.parse("2026-12-01T19:06:40.999999500Z")))
                .isEqualTo(1_796_152_001_000_000L);
        assertThat(EpochMicros.of(Instant.parse("1969-12-31T23:59:59.999999Z"))).isEqualTo(-1L);
    }

    @Test
    void a_time_read_as_microseconds_is_the_exact_instant() {
        assertThat(EpochMicros.toInstant(0)).isEqualTo(Instant.EPOCH);
        assertThat(EpochMicros.toInstant(1_796_152_000_123_457L))
                .isEqualTo(Instant.parse("2026-12-01T19:06:40.123457Z"));
        assertThat(EpochMicros.toInstant(-1L)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(EpochMicros.toInstant(EpochMicros.of(Instant.parse("2026-12-02T06:15:48.982718Z"))))
                .isEqualTo(Instant.parse("2026-12-02T06:15:48.982718Z"));
    }
}
