package com.pilimarket.auth.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/** Buckets in this JVM (no Redis, or Redis unreachable): limits hold per instance. */
class InMemoryRateLimitStore implements RateLimitStore {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofHours(2))
            .maximumSize(200_000)
            .build();

    @Override
    public Decision tryConsume(String key, RateLimitProperties.Limit limit) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(RateLimitStore.configuration(limit).getBandwidths()[0])
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Decision.ALLOWED
                : new Decision(false, RateLimitStore.seconds(probe.getNanosToWaitForRefill()));
    }
}
