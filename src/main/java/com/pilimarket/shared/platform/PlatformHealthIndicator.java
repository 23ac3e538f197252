package com.pilimarket.shared.platform;

import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the optional parts: says whether the database is embedded or external and whether
 * Redis or the in-process fallbacks are in use; DOWN when configured Redis does not answer.
 */
@Component("platform")
class PlatformHealthIndicator implements HealthIndicator {

    private final PlatformMode mode;
    private final ObjectProvider<StringRedisTemplate> redis;

    PlatformHealthIndicator(PlatformMode mode, ObjectProvider<StringRedisTemplate> redis) {
        this.mode = mode;
        this.redis = redis;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up().withDetail("database", mode.embeddedDatabase() ? "embedded" : "external");
        if (!mode.redis()) {
            return builder.withDetail("redis", "not configured: in-process cache, rate limits and events")
                    .build();
        }
        try {
            String pong = Objects.requireNonNull(redis.getObject().getConnectionFactory())
                    .getConnection()
                    .ping();
            return builder.withDetail("redis", "connected (" + pong + ")").build();
        } catch (RuntimeException e) {
            return Health.down()
                    .withDetail("redis", "configured but unreachable: " + e.getMessage())
                    .build();
        }
    }
}
