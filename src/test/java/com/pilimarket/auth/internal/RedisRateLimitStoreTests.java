package com.pilimarket.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisRateLimitStoreTests {

    @Test
    void when_redis_is_down_limits_still_hold_per_instance_and_answers_stay_fast() {
        RedisRateLimitStore store = new RedisRateLimitStore(
                "redis://127.0.0.1:1", "pmtest:", new InMemoryRateLimitStore(), Clock.systemUTC());
        try {
            RateLimitProperties.Limit limit = new RateLimitProperties.Limit(2, Duration.ofMinutes(1));
            long start = System.nanoTime();
            assertThat(store.tryConsume("ip:1:auth", limit).allowed()).isTrue();
            assertThat(store.tryConsume("ip:1:auth", limit).allowed()).isTrue();
            assertThat(store.tryConsume("ip:1:auth", limit).allowed()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            store.destroy();
        }
    }

    @Test
    void buckets_in_memory_refill_after_the_period() throws InterruptedException {
        InMemoryRateLimitStore store = new InMemoryRateLimitStore();
        RateLimitProperties.Limit limit = new RateLimitProperties.Limit(1, Duration.ofMillis(300));
        assertThat(store.tryConsume("k", limit).allowed()).isTrue();
        RateLimitStore.Decision refused = store.tryConsume("k", limit);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        Thread.sleep(350);
        assertThat(store.tryConsume("k", limit).allowed()).isTrue();
    }
}
