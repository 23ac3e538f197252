package com.pilimarket.forecasting.internal;

import static com.pilimarket.forecasting.internal.BatchStatements.column;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastsPlaced;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The placements the read models have not heard about yet. A placing transaction appends its
 * placements here, one {@code INSERT} for a whole group commit, instead of publishing an event; one
 * feeder thread drains the feed and publishes what it took as ONE {@link ForecastsPlaced}, in the
 * transaction that deletes those rows.
 *
 * <p>Why not publish from the placing transaction: every event becomes a durable publication per
 * asynchronous listener, and each such listener then runs its own transaction that marks the
 * publication in progress and completed. Paid per commit, that was most of a placement's cost when
 * placements spread over many markets (one or two placements per commit; docs/PERFORMANCE.md). Paid per
 * drain, it is shared by every placement committed in the window ({@code
 * pilimarket.forecasting.feed.window}, 100 ms by default), whatever their markets.
 *
 * <p>The read models of placements (activity, reputation, discovery, notification interests) are plain
 * listeners: they run in the drain's transaction, so each placement reaches them exactly once, with no
 * publication and no commit of their own. If one of them fails, the drain rolls back and the rows wait
 * for the next drain (a failing read model holds the others back; placing is not affected). Referrals
 * move chips, so their listener keeps its own transaction and a durable publication, delivered at least
 * once. No placement is lost: the rows commit with the placement, and the read models and the
 * publication commit with the rows' deletion. A crash before the drain commits leaves the rows for the
 * next drain (the feeder also looks every second, and at start). Several instances may drain together
 * ({@code SKIP LOCKED}).
 */
@Component
class PlacementFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PlacementFeed.class);
    private static final Duration IDLE_LOOK = Duration.ofSeconds(1);

    private final JdbcTemplate template;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Duration window;
    private final int maxPerEvent;
    private final DistributionSummary eventSizes;
    private final AtomicBoolean signalled = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread feeder;
    private volatile long lastDrainedNanos = System.nanoTime();

    PlacementFeed(
            JdbcTemplate template,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            @Value("${pilimarket.forecasting.feed.window:PT0.1S}") Duration window,
            @Value("${pilimarket.forecasting.feed.max-per-event:5000}") int maxPerEvent) {
        this.template = template;
        this.transactions = transactions;
        this.events = events;
        this.window = window;
        this.maxPerEvent = Math.max(1, maxPerEvent);
        this.eventSizes = DistributionSummary.builder("pilimarket.forecasts.feed.event.size")
                .description("Placements per ForecastsPlaced event published by the placement feed")
                .register(meters);
        // Grows past a second only when the feeder stopped or its drains keep failing: placements then
        // wait, and the activity feed, badges and interests fall behind (docs/OPERATIONS.md).
        Gauge.builder("pilimarket.forecasts.feed.drained.age", this, feed -> feed.secondsSinceDrained())
                .description("Seconds since the placement feed last drained (or found nothing to drain)")
                .baseUnit("seconds")
                .register(meters);
    }

    /**
     * Appends placements in the caller's transaction (they reach the read models only if it commits)
     * and wakes the feeder after the commit.
     */
    void append(List<ForecastPlaced> placements) {
        if (placements.isEmpty()) {
            return;
        }
        template.update(BatchStatements.of(
                "INSERT INTO placement_feed (forecast_id, user_id, market_id, outcome_id, category, points,"
                        + " total_points, top_up, crowd_probability, placed_at)"
                        + " SELECT f, u, m, o, c, p, t, top, q, at::timestamptz FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[],"
                        + " ?::text[], ?::bigint[], ?::bigint[], ?::boolean[], ?::float8[], ?::text[])"
                        + " AS d(f, u, m, o, c, p, t, top, q, at)",
                BatchStatements.array("uuid", column(placements, ForecastPlaced::forecastId, UUID[]::new)),
                BatchStatements.array("uuid", column(placements, ForecastPlaced::userId, UUID[]::new)),
                BatchStatements.array("uuid", column(placements, ForecastPlaced::marketId, UUID[]::new)),
                BatchStatements.array("uuid", column(placements, ForecastPlaced::outcomeId, UUID[]::new)),
                BatchStatements.array("text", column(placements, ForecastPlaced::category, String[]::new)),
                BatchStatements.array("bigint", column(placements, ForecastPlaced::points, Long[]::new)),
                BatchStatements.array("bigint", column(placements, ForecastPlaced::totalPoints, Long[]::new)),
                BatchStatements.array("boolean", column(placements, ForecastPlaced::topUp, Boolean[]::new)),
                BatchStatements.array("float8", column(placements, ForecastPlaced::crowdProbability, Double[]::new)),
                // ISO-8601 instants: exact and free of the session's time zone.
                BatchStatements.array(
                        "text", column(placements, p -> p.placedAt().toString(), String[]::new))));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    /**
     * Publishes up to {@code max-per-event} of the oldest waiting placements as one event, in the
     * transaction that removes them from the feed. Returns how many it published.
     */
    int drainOnce() {
        Integer published = transactions.execute(status -> {
            List<Row> rows = template.query(
                    "DELETE FROM placement_feed WHERE seq IN"
                            + " (SELECT seq FROM placement_feed ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED)"
                            + " RETURNING *",
                    PlacementFeed::row,
                    maxPerEvent);
            if (rows.isEmpty()) {
                return 0;
            }
            // RETURNING has no order: the listeners get the placements in the order they were applied.
            List<ForecastPlaced> placements = rows.stream()
                    .sorted(Comparator.comparingLong(Row::seq))
                    .map(Row::placed)
                    .toList();
            events.publishEvent(new ForecastsPlaced(placements));
            return placements.size();
        });
        int n = published == null ? 0 : published;
        if (n > 0) {
            eventSizes.record(n);
        }
        return n;
    }

    /**
     * Drains until the feed is empty; false if a drain failed (its rows stay for the next look, which
     * comes after {@code IDLE_LOOK}, not at the next commit: a failing read model would fail every window).
     */
    private boolean drainAll() {
        try {
            while (drainOnce() == maxPerEvent) {
                // more waiting
            }
            lastDrainedNanos = System.nanoTime();
            return true;
        } catch (RuntimeException | Error e) {
            // The read models run on this thread: whatever they throw, the feeder keeps going.
            log.warn("Placement feed: drain failed, retrying within {} s: {}", IDLE_LOOK.toSeconds(), e.toString());
            return false;
        }
    }

    private double secondsSinceDrained() {
        return (System.nanoTime() - lastDrainedNanos) / 1e9;
    }

    private void wake() {
        signalled.set(true);
        Thread thread = feeder;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void feed() {
        while (running) {
            if (!signalled.getAndSet(false)) {
                LockSupport.parkNanos(this, IDLE_LOOK.toNanos());
                if (!running) {
                    return;
                }
                signalled.set(false);
            }
            // Let the placements of the next few commits join this event.
            parkUntil(System.nanoTime() + window.toNanos(), () -> running);
            if (!drainAll()) {
                parkUntil(System.nanoTime() + IDLE_LOOK.toNanos(), () -> running);
            }
        }
    }

    /**
     * Waits until {@code deadline} ({@link System#nanoTime}) unless stopped. Every commit's {@link #wake}
     * unparks the feeder, and a park ends at an unpark: waiting with one {@code parkNanos} let the next
     * commit end the window, so under load each commit got its own drain and its own publications
     * (0.28 publications per placement in the bench's peaks, measured with {@code pg_stat_statements}
     * on 2 Dec 2026, instead of five per window).
     */
    static void parkUntil(long deadline, BooleanSupplier running) {
        for (long left = deadline - System.nanoTime();
                left > 0 && running.getAsBoolean();
                left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void start() {
        running = true;
        Thread thread = new Thread(this::feed, "placement-feed");
        thread.setDaemon(true);
        feeder = thread;
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = feeder;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        feeder = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long seq, ForecastPlaced placed) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("seq"),
                new ForecastPlaced(
                        rs.getObject("forecast_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("market_id", UUID.class),
                        rs.getObject("outcome_id", UUID.class),
                        rs.getString("category"),
                        rs.getLong("points"),
                        rs.getLong("total_points"),
                        rs.getBoolean("top_up"),
                        rs.getDouble("crowd_probability"),
                        rs.getTimestamp("placed_at").toInstant()));
    }
}
