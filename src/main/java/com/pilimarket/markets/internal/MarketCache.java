package com.pilimarket.markets.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketSummary;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.platform.PlatformMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-process cache of market detail (without the viewer's position) and of market list pages.
 *
 * <p>Correctness comes from versions, not from timing: every entry remembers the version it was
 * read under (per market for detail, one global version for lists), read <em>before</em> the
 * database query; every write to a market bumps both versions right after its transaction commits.
 * A read that raced with a write therefore stores its (possibly old) result under an old version,
 * which no later read accepts. So a placed forecast shows at once on this instance. With Redis
 * configured, the bump is also published on {@code {prefix}markets:invalidate} and every instance
 * bumps its versions when it hears it (milliseconds later).
 */
@Component
class MarketCache {

    private static final Logger log = LoggerFactory.getLogger(MarketCache.class);
    private static final Object PENDING_KEY = MarketCache.class.getName() + ".pending";

    /** A cached value and the version it was read under. */
    private record Entry<T>(T value, long version) {}

    private final boolean enabled;
    private final Cache<UUID, Entry<MarketDetail>> details;
    private final Cache<String, Entry<Page<MarketSummary>>> lists;
    private final Cache<String, UUID> slugs;
    private final Map<UUID, AtomicLong> versions = new ConcurrentHashMap<>();
    private final AtomicLong listVersion = new AtomicLong();
    private final StringRedisTemplate redis;
    private final String channel;

    MarketCache(
            PlatformMode platform,
            ObjectProvider<StringRedisTemplate> redis,
            ObjectProvider<RedisMessageListenerContainer> container,
            @Value("${pilimarket.markets.cache.enabled:true}") boolean enabled,
            @Value("${pilimarket.markets.cache.max-entries:10000}") long maxEntries,
            @Value("${pilimarket.markets.cache.ttl:60s}") Duration ttl) {
        this.enabled = enabled;
        // The TTL only bounds memory and the damage of a lost cross-instance message; it is not what keeps reads fresh.
        this.details = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .build();
        this.lists = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(ttl)
                .build();
        this.slugs = Caffeine.newBuilder().maximumSize(maxEntries).build();
        this.redis = platform.redis() ? redis.getIfAvailable() : null;
        this.channel = platform.keyPrefix() + "markets:invalidate";
        RedisMessageListenerContainer listeners = platform.redis() ? container.getIfAvailable() : null;
        if (listeners != null) {
            listeners.addMessageListener(
                    (message, pattern) -> {
                        try {
                            bump(UUID.fromString(new String(message.getBody(), StandardCharsets.UTF_8)));
                        } catch (IllegalArgumentException bad) {
                            log.warn("Ignoring a malformed market invalidation message");
                        }
                    },
                    new ChannelTopic(channel));
        }
    }

    /** The cached detail of a market, or what {@code load} reads (then cached). */
    MarketDetail detail(UUID marketId, Supplier<MarketDetail> load) {
        if (!enabled) {
            return load.get();
        }
        long version = versionOf(marketId).get();
        Entry<MarketDetail> entry = details.getIfPresent(marketId);
        if (entry != null && entry.version() == version) {
            return entry.value();
        }
        MarketDetail fresh = load.get();
        details.put(marketId, new Entry<>(fresh, version));
        return fresh;
    }

    /** A list page by its normalised query, or what {@code load} reads (then cached). */
    Page<MarketSummary> list(String key, Supplier<Page<MarketSummary>> load) {
        if (!enabled) {
            return load.get();
        }
        long version = listVersion.get();
        Entry<Page<MarketSummary>> entry = lists.getIfPresent(key);
        if (entry != null && entry.version() == version) {
            return entry.value();
        }
        Page<MarketSummary> fresh = load.get();
        lists.put(key, new Entry<>(fresh, version));
        return fresh;
    }

    /** The market an id-or-slug path segment named before: slugs never change and markets are never deleted. */
    Optional<UUID> idOf(String idOrSlug) {
        return enabled ? Optional.ofNullable(slugs.getIfPresent(idOrSlug)) : Optional.empty();
    }

    void rememberId(String idOrSlug, UUID id) {
        slugs.put(idOrSlug, id);
    }

    /** Invalidates the market (and every list) once the current transaction commits; at once without one. */
    void invalidateAfterCommit(UUID marketId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            invalidate(marketId);
            return;
        }
        @SuppressWarnings("unchecked")
        Set<UUID> pending = (Set<UUID>) TransactionSynchronizationManager.getResource(PENDING_KEY);
        if (pending == null) {
            Set<UUID> fresh = new HashSet<>();
            pending = fresh;
            TransactionSynchronizationManager.bindResource(PENDING_KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    // Registered before the SSE broadcast, so a client that hears of the change reads it.
                    fresh.forEach(MarketCache.this::invalidate);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_KEY);
                }
            });
        }
        pending.add(marketId);
    }

    private void invalidate(UUID marketId) {
        bump(marketId);
        if (redis != null) {
            try {
                redis.convertAndSend(channel, marketId.toString());
            } catch (RuntimeException e) {
                // Other instances then serve this market's old state until the TTL; this one is fresh.
                log.warn("Could not publish a market invalidation: {}", e.getMessage());
            }
        }
    }

    private void bump(UUID marketId) {
        versionOf(marketId).incrementAndGet();
        listVersion.incrementAndGet();
    }

    private AtomicLong versionOf(UUID marketId) {
        return versions.computeIfAbsent(marketId, id -> new AtomicLong());
    }
}
