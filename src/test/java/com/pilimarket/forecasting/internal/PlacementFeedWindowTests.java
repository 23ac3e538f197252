package com.pilimarket.forecasting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The feeder's window: the commits that wake the feeder while it waits must not end the wait, or each
 * commit gets a drain (and five publications) of its own.
 */
class PlacementFeedWindowTests {

    @Test
    void wakes_during_the_window_do_not_end_it_and_stopping_does() throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean returned = new AtomicBoolean();
        Thread feeder = new Thread(() -> {
            PlacementFeed.parkUntil(System.nanoTime() + TimeUnit.MINUTES.toNanos(5), running::get);
            returned.set(true);
        });
        feeder.start();

        for (int commit = 0; commit < 20; commit++) {
            LockSupport.unpark(feeder); // what PlacementFeed.wake does after each commit
            Thread.sleep(5);
        }
        assertThat(returned)
                .as("twenty wakes, and the five-minute window still open")
                .isFalse();
        assertThat(feeder.isAlive()).isTrue();

        running.set(false);
        LockSupport.unpark(feeder); // what PlacementFeed.stop does
        feeder.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(returned).as("stopping ends the window").isTrue();
    }

    @Test
    void the_window_ends_at_its_deadline() throws InterruptedException {
        Thread feeder = new Thread(() -> PlacementFeed.parkUntil(System.nanoTime() + 1_000_000L, () -> true));
        feeder.start();
        feeder.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(feeder.isAlive()).isFalse();
    }
}
