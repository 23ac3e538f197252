package com.pilimarket.auth.internal;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets in Redis, shared by every instance (Bucket4j compare-and-swap over Lettuce). When Redis
 * cannot answer within the timeout the limiter degrades to this instance's in-memory buckets
 * rather than refusing traffic or letting it all through, and says so in the log (at most once a
 * minute); it uses Redis again as soon as Redis answers.
 */
class RedisRateLimitStore implements RateLimitStore, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimitStore.class);
    static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(5);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final RedisClient client;
    private final String keyPrefix;
    private final RateLimitStore fallback;
    private final Clock clock;
    private final AtomicReference<Connected> connected = new AtomicReference<>();
    private volatile Instant nextConnectAttempt = Instant.MIN;
    private volatile Instant nextWarning = Instant.MIN;

    private record Connected(StatefulRedisConnection<String, byte[]> connection, ProxyManager<String> buckets) {}

    RedisRateLimitStore(String redisUrl, String keyPrefix, RateLimitStore fallback, Clock clock) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(TIMEOUT);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .build());
        this.keyPrefix = keyPrefix + "ratelimit:";
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public Decision tryConsume(String key, RateLimitProperties.Limit limit) {
        try {
            Connected redis = connection();
            if (redis == null) {
                return fallback.tryConsume(key, limit);
            }
            ConsumptionProbe probe = redis.buckets()
                    .builder()
                    .build(keyPrefix + key, () -> RateLimitStore.configuration(limit))
                    .tryConsumeAndReturnRemaining(1);
            return probe.isConsumed()
                    ? Decision.ALLOWED
                    : new Decision(false, RateLimitStore.seconds(probe.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            warn(e);
            return fallback.tryConsume(key, limit);
        }
    }

    private Connected connection() {
        Connected current = connected.get();
        if (current != null) {
            return current;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextConnectAttempt)) {
            return null;
        }
        synchronized (this) {
            current = connected.get();
            if (current != null) {
                return current;
            }
            nextConnectAttempt = now.plus(RECONNECT_EVERY);
            try {
                StatefulRedisConnection<String, byte[]> connection =
                        client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                ProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofSeconds(10)))
                        .requestTimeout(TIMEOUT)
                        .build();
                Connected fresh = new Connected(connection, buckets);
                connected.set(fresh);
                log.info("Rate limits are shared through Redis");
                return fresh;
            } catch (RuntimeException e) {
                warn(e);
                return null;
            }
        }
    }

    private void warn(RuntimeException e) {
        Instant now = clock.instant();
        if (now.isAfter(nextWarning)) {
            nextWarning = now.plus(WARN_EVERY);
            log.warn(
                    "Redis is unavailable for rate limiting ({}); enforcing limits per instance in memory until it answers",
                    e.getMessage());
        }
    }

    @Override
    public void destroy() {
        Connected current = connected.getAndSet(null);
        if (current != null) {
            current.connection().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
