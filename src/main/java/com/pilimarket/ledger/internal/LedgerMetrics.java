package com.pilimarket.ledger.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code pilimarket.chips.circulation{holder=users|pools|house}}: the chips held, from the ledger's
 * balances. Read at most every 30 s however often Prometheus scrapes; while the database is
 * unreachable the last reading is kept (the database's own health says it is down).
 */
@Component
class LedgerMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(LedgerMetrics.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Map<String, Long> cached = Map.of();
    private volatile Instant readAt = Instant.EPOCH;

    LedgerMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String holder : new String[] {"users", "pools", "house", "issued"}) {
            Gauge.builder("pilimarket.chips.circulation", this, m -> m.read(holder))
                    .description("Chips held by users, market pools and the house; issued = minted minus taken back")
                    .tag("holder", holder)
                    .register(registry);
        }
    }

    private double read(String holder) {
        if (Duration.between(readAt, clock.instant()).compareTo(MAX_AGE) > 0) {
            refresh();
        }
        Long value = cached.get(holder);
        return value == null ? Double.NaN : value;
    }

    private synchronized void refresh() {
        if (Duration.between(readAt, clock.instant()).compareTo(MAX_AGE) <= 0) {
            return;
        }
        try {
            cached = jdbc.sql("""
                            SELECT (SELECT coalesce(sum(chips), 0) FROM users),
                                   (SELECT coalesce(sum(balance), 0) FROM ledger_accounts WHERE kind = 'market_pool'),
                                   (SELECT coalesce(sum(balance), 0) FROM ledger_accounts WHERE kind = 'house'),
                                   (SELECT -coalesce(sum(balance), 0) FROM ledger_accounts WHERE kind = 'mint')
                            """)
                    .query((rs, n) -> Map.of(
                            "users",
                            rs.getLong(1),
                            "pools",
                            rs.getLong(2),
                            "house",
                            rs.getLong(3),
                            "issued",
                            rs.getLong(4)))
                    .single();
        } catch (RuntimeException e) {
            log.debug("Chips in circulation not refreshed: {}", e.getMessage());
        }
        readAt = clock.instant();
    }
}
