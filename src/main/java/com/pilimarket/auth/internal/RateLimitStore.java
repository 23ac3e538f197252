package com.pilimarket.auth.internal;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/** Token buckets by key: in memory on one instance, or shared through Redis by all instances. */
interface RateLimitStore {

    /** The answer for one request: allowed, or refused with seconds until a token is available. */
    record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, 0);
    }

    Decision tryConsume(String key, RateLimitProperties.Limit limit);

    /** The full allowance refills at once at the end of each period ("10 per minute" means that). */
    static BucketConfiguration configuration(RateLimitProperties.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.requests())
                        .refillIntervally(limit.requests(), limit.per())
                        .build())
                .build();
    }

    static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
