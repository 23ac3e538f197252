package com.pilimarket.shared.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lag of the durable event listeners (settlement, feeds, notifications):
 * {@code pilimarket.events.incomplete} publications not yet completed and
 * {@code pilimarket.events.oldest_incomplete_age_seconds}. A count that stays up, or an age of
 * minutes, means a listener keeps failing (see docs/OPERATIONS.md). Cached for 15 s.
 */
@Component
class EventPublicationMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationMetrics.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(15);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile double incomplete = Double.NaN;
    private volatile double oldestAgeSeconds = Double.NaN;
    private volatile Instant readAt = Instant.EPOCH;

    EventPublicationMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("pilimarket.events.incomplete", this, m -> {
                    m.refresh();
                    return m.incomplete;
                })
                .description("Event publications whose listener has not completed")
                .register(registry);
        Gauge.builder("pilimarket.events.oldest.incomplete.age", this, m -> {
                    m.refresh();
                    return m.oldestAgeSeconds;
                })
                .description("Age in seconds of the oldest incomplete event publication (0 when none)")
                .baseUnit("seconds")
                .register(registry);
    }

    private synchronized void refresh() {
        if (Duration.between(readAt, clock.instant()).compareTo(MAX_AGE) <= 0) {
            return;
        }
        try {
            jdbc.sql("""
                            SELECT count(*),
                                   coalesce(extract(epoch FROM now() - min(publication_date)), 0)
                            FROM event_publication WHERE completion_date IS NULL
                            """).query(rs -> {
                incomplete = rs.getLong(1);
                oldestAgeSeconds = rs.getDouble(2);
            });
        } catch (RuntimeException e) {
            log.debug("Event publication lag not refreshed: {}", e.getMessage());
        }
        readAt = clock.instant();
    }
}
