package com.pilimarket.shared.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code pilimarket_dependency_up{dependency="database"|"redis"}}: 1 when this instance reaches it, 0
 * when not, so alert rules can say "database down" and "Redis down" in PromQL (ops/prometheus). Each
 * check runs at most every 10 s whatever the scrape rate; Redis is only reported when configured.
 */
@Component
class DependencyMetrics implements MeterBinder {

    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    private final DataSource dataSource;
    private final PlatformMode mode;
    private final PlatformHealthIndicator platform;
    private final Clock clock;

    DependencyMetrics(DataSource dataSource, PlatformMode mode, PlatformHealthIndicator platform, Clock clock) {
        this.dataSource = dataSource;
        this.mode = mode;
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        register(registry, "database", new Cached(this::databaseAnswers));
        if (mode.redis()) {
            register(
                    registry,
                    "redis",
                    new Cached(() -> platform.health().getStatus().equals(Status.UP)));
        }
    }

    private static void register(MeterRegistry registry, String dependency, Cached check) {
        Gauge.builder("pilimarket.dependency.up", check, c -> c.up() ? 1 : 0)
                .description("1 when this instance reaches the dependency, 0 when it does not")
                .tag("dependency", dependency)
                // Micrometer holds a gauge's state weakly; nothing else holds these.
                .strongReference(true)
                .register(registry);
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private final class Cached {
        private final BooleanSupplier check;
        private boolean up = true;
        private Instant checkedAt = Instant.EPOCH;

        Cached(BooleanSupplier check) {
            this.check = check;
        }

        synchronized boolean up() {
            Instant now = clock.instant();
            if (Duration.between(checkedAt, now).compareTo(MAX_AGE) > 0) {
                up = check.getAsBoolean();
                checkedAt = now;
            }
            return up;
        }
    }
}
