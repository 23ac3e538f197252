package com.pilimarket.auth.internal;

import com.pilimarket.shared.platform.PlatformMode;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Redis-backed buckets when Redis is configured (shared by all instances), in-memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitStore rateLimitStore(
            PlatformMode platform, @Value("${spring.data.redis.url:}") String redisUrl, Clock clock) {
        InMemoryRateLimitStore memory = new InMemoryRateLimitStore();
        return platform.redis() ? new RedisRateLimitStore(redisUrl, platform.keyPrefix(), memory, clock) : memory;
    }
}
