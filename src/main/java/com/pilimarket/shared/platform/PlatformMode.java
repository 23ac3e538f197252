package com.pilimarket.shared.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Which backing services this instance uses: embedded or external PostgreSQL, Redis or in-process. */
@Component
public class PlatformMode {

    private final boolean embeddedDatabase;
    private final boolean redis;
    private final String keyPrefix;

    PlatformMode(
            @Value("${spring.datasource.url:}") String datasourceUrl,
            @Value("${spring.data.redis.url:}") String redisUrl,
            @Value("${pilimarket.redis.key-prefix:pm:}") String keyPrefix) {
        this.embeddedDatabase = datasourceUrl.isBlank();
        this.redis = !redisUrl.isBlank();
        this.keyPrefix = keyPrefix;
    }

    public boolean embeddedDatabase() {
        return embeddedDatabase;
    }

    public boolean redis() {
        return redis;
    }

    /** Prefix for every Redis key and channel, so several deployments (or test runs) can share one Redis. */
    public String keyPrefix() {
        return keyPrefix;
    }
}
