package com.pilimarket.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.WithRedis;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** With Redis, every instance draws from the same buckets. */
@IntegrationTest
@WithRedis
@TestPropertySource(
        properties = {
            "pilimarket.rate-limits.enabled=true",
            "pilimarket.rate-limits.auth.requests=3",
            "pilimarket.rate-limits.auth.per=1m",
            "pilimarket.web.trusted-proxies=127.0.0.1, ::1"
        })
class RedisRateLimitIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    RateLimitStore store;

    @Autowired
    PlatformMode platform;

    @Value("${spring.data.redis.url}")
    String redisUrl;

    @Test
    void the_limit_is_shared_through_redis_by_every_instance() throws Exception {
        assertThat(store).isInstanceOf(RedisRateLimitStore.class);
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/api/v1/auth/login", Map.of("email", "a@b.ph", "password", "0123456789"))
                            .header("X-Forwarded-For", "203.0.113.200")
                            .send()
                            .status())
                    .isEqualTo(401);
        }

        // A second instance: its own Redis connection and an empty in-memory fallback.
        RedisRateLimitStore otherInstance = new RedisRateLimitStore(
                redisUrl, platform.keyPrefix(), new InMemoryRateLimitStore(), Clock.systemUTC());
        try {
            RateLimitProperties.Limit sameLimit = new RateLimitProperties.Limit(3, Duration.ofMinutes(1));
            RateLimitStore.Decision decision = otherInstance.tryConsume("ip:203.0.113.200:auth", sameLimit);
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.retryAfterSeconds()).isBetween(1L, 60L);
            // A fresh address still has its whole allowance.
            assertThat(otherInstance
                            .tryConsume("ip:203.0.113.201:auth", sameLimit)
                            .allowed())
                    .isTrue();
        } finally {
            otherInstance.destroy();
        }
        assertThat(http.post("/api/v1/auth/login", Map.of("email", "a@b.ph", "password", "0123456789"))
                        .header("X-Forwarded-For", "203.0.113.200")
                        .send()
                        .status())
                .isEqualTo(429);
    }
}
