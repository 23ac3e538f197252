package com.pilimarket.shared.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescingTaskTests {

    @Test
    void requests_made_while_a_run_is_in_progress_return_at_once_and_fold_into_one_more_run() throws Exception {
        FirstRunBlocks blocking = new FirstRunBlocks();
        CoalescingTask task = new CoalescingTask(blocking);
        ExecutorService threads = Executors.newFixedThreadPool(11);
        try {
            Future<?> runner = threads.submit(task::request);
            assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();

            List<Future<?>> others = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                others.add(threads.submit(task::request));
            }
            for (Future<?> other : others) {
                other.get(10, TimeUnit.SECONDS); // none waits for the run in progress
            }
            assertThat(blocking.runs).hasValue(1);

            blocking.release.countDown();
            runner.get(10, TimeUnit.SECONDS);
            assertThat(blocking.runs)
                    .as("the ten requests cost exactly one more run, made by the runner")
                    .hasValue(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_request_with_nothing_running_runs_in_the_callers_thread() {
        List<String> ranIn = new ArrayList<>();
        CoalescingTask task =
                new CoalescingTask(() -> ranIn.add(Thread.currentThread().getName()));

        task.request();
        task.request();

        assertThat(ranIn)
                .containsExactly(
                        Thread.currentThread().getName(), Thread.currentThread().getName());
    }

    @Test
    void run_now_waits_for_a_run_in_progress_then_runs() throws Exception {
        FirstRunBlocks blocking = new FirstRunBlocks();
        CoalescingTask task = new CoalescingTask(blocking);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(task::request);
            assertThat(blocking.started.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> now = threads.submit(task::runNow);
            Thread.sleep(200);
            assertThat(now).isNotDone();

            blocking.release.countDown();
            now.get(10, TimeUnit.SECONDS);
            first.get(10, TimeUnit.SECONDS);
            assertThat(blocking.runs).hasValue(2);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void a_failed_run_reaches_its_caller_and_does_not_block_the_next_request() {
        AtomicInteger runs = new AtomicInteger();
        CoalescingTask task = new CoalescingTask(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(task::request).hasMessage("database down");
        task.request();

        assertThat(runs).hasValue(2);
    }

    /** A task whose first run signals {@code started} and then blocks until {@code release}. */
    private static final class FirstRunBlocks implements Runnable {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger runs = new AtomicInteger();

        @Override
        public void run() {
            if (runs.incrementAndGet() == 1) {
                started.countDown();
                await(release);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
