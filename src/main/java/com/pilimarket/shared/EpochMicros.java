package com.pilimarket.shared;

import java.time.Instant;

/**
 * Times as microseconds since the epoch, PostgreSQL's own resolution, for statements that move many
 * times at once: a {@code timestamptz} bound or read through JDBC is text, formatted or parsed with a
 * time-zone lookup per value, which cost more than the rest of a 5,000-row statement. In SQL, {@code
 * timestamptz 'epoch' + m * interval '1 microsecond'} binds one and {@code (extract(epoch FROM t) *
 * 1000000)::bigint} reads one, both exact.
 */
public final class EpochMicros {

    /** The instant to the nearest microsecond, rounded half up as the JDBC driver rounds a timestamp. */
    public static long of(Instant instant) {
        return Math.addExact(
                Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), (instant.getNano() + 500) / 1_000);
    }

    /** The instant {@code micros} microseconds after the epoch (before it if negative), exactly. */
    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private EpochMicros() {}
}
