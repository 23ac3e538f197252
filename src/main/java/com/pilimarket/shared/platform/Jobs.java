package com.pilimarket.shared.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a unit of background work (a scheduled job or an event listener) with one log line, a
 * {@code pilimarket.job.runs} counter tagged {@code job} and {@code outcome} (success/failure) and a
 * {@code pilimarket.job.duration} timer tagged {@code job}. Failures are logged and rethrown, so a
 * durable event listener stays incomplete and is retried.
 */
@Component
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final long SLOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final MeterRegistry registry;

    Jobs(MeterRegistry registry) {
        this.registry = registry;
    }

    public void run(String job, Runnable work) {
        call(job, () -> {
            work.run();
            return null;
        });
    }

    public <T> T call(String job, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            T result = work.get();
            long nanos = System.nanoTime() - start;
            record(job, "success", nanos);
            // Some jobs run per placement window (ten times a second under load): a success is news
            // only when it was slow. Every run is counted and timed in pilimarket.job.* either way.
            if (nanos >= SLOW_NANOS) {
                log.info("Job {} succeeded in {} ms", job, TimeUnit.NANOSECONDS.toMillis(nanos));
            } else {
                log.debug("Job {} succeeded in {} ms", job, TimeUnit.NANOSECONDS.toMillis(nanos));
            }
            return result;
        } catch (RuntimeException | Error e) {
            long nanos = System.nanoTime() - start;
            record(job, "failure", nanos);
            log.error("Job {} failed after {} ms: {}", job, TimeUnit.NANOSECONDS.toMillis(nanos), e.toString(), e);
            throw e;
        }
    }

    /** How many runs of {@code job} ended with {@code outcome} on this instance (for tests and diagnostics). */
    public double runs(String job, String outcome) {
        Counter counter = registry.find("pilimarket.job.runs")
                .tags("job", job, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private void record(String job, String outcome, long nanos) {
        Counter.builder("pilimarket.job.runs")
                .description("Background job runs")
                .tags("job", job, "outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("pilimarket.job.duration")
                .description("Background job duration")
                .tags("job", job)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
