package com.pilimarket.leaderboard.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A read cache that reloads in the background: a value older than {@code fresh} is still served
 * while one reload replaces it, and only a value older than {@code stalest} (nobody asked for it for
 * that long) is loaded while the caller waits.
 *
 * <p>Why: a board's page was cached for two seconds and then expired, so every two seconds the
 * requests for it waited behind one reload (the page and the count of the users it ranks). Under
 * load that wait was the leaderboard's p99 (70 ms at 60 % of peak against a p50 of 1.5 ms). With
 * reloads in the background a board still looks at most about {@code fresh} old while it is being
 * read, and no reader waits for the database.
 */
final class RefreshingCache<K, V> {

    private final LoadingCache<K, V> cache;

    RefreshingCache(
            Function<K, V> loader,
            Duration fresh,
            Duration stalest,
            long maximumSize,
            Ticker ticker,
            Executor reloads) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .refreshAfterWrite(fresh)
                .expireAfterWrite(stalest)
                .ticker(ticker)
                .executor(reloads)
                .build(loader::apply);
    }

    V get(K key) {
        return cache.get(key);
    }

    /** Forgets every value: the next read of each loads it again, and waits for it. */
    void invalidateAll() {
        cache.invalidateAll();
    }
}
