package com.pilimarket.leaderboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The leaderboard's cache serves a stale value while it reloads it in the background, and makes a
 * reader wait only for a value nobody read for longer than the stalest age. The clock is stepped by
 * hand and the background reloads run when the test says so.
 */
class RefreshingCacheTests {

    private final AtomicLong nanos = new AtomicLong();
    /** The cache's background work (reloads and its housekeeping), run when the test says so. */
    private final Queue<Runnable> background = new ArrayDeque<>();

    private final AtomicInteger loads = new AtomicInteger();
    private final RefreshingCache<String, String> cache = new RefreshingCache<>(
            key -> key + "#" + loads.incrementAndGet(),
            Duration.ofSeconds(2),
            Duration.ofSeconds(10),
            100,
            nanos::get,
            background::add);

    @Test
    void aFreshValueIsServedFromTheCache() {
        assertThat(cache.get("top")).isEqualTo("top#1");
        step(Duration.ofMillis(1_500));

        assertThat(cache.get("top")).isEqualTo("top#1");
        runBackground();
        assertThat(loads).hasValue(1);
    }

    @Test
    void anOlderValueIsServedWhileItReloadsInTheBackground() {
        cache.get("top");
        step(Duration.ofMillis(2_500));

        // The reader gets the old page at once; the reload waits for the background executor.
        assertThat(cache.get("top")).isEqualTo("top#1");
        assertThat(loads).hasValue(1);
        // Readers meanwhile neither wait nor start a second reload.
        assertThat(cache.get("top")).isEqualTo("top#1");

        runBackground();
        assertThat(loads).hasValue(2);
        assertThat(cache.get("top")).isEqualTo("top#2");
    }

    @Test
    void aValueNobodyReadForLongIsLoadedWhileTheReaderWaits() {
        cache.get("top");
        step(Duration.ofSeconds(11));

        assertThat(cache.get("top")).isEqualTo("top#2");
        runBackground();
        assertThat(loads).hasValue(2);
    }

    @Test
    void invalidatedValuesAreLoadedAgain() {
        cache.get("top");
        cache.get("deep");

        cache.invalidateAll();

        assertThat(cache.get("top")).isEqualTo("top#3");
        assertThat(cache.get("deep")).isEqualTo("deep#4");
    }

    private void runBackground() {
        for (Runnable task = background.poll(); task != null; task = background.poll()) {
            task.run();
        }
    }

    private void step(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
