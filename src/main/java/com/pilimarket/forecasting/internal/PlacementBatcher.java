package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.ForecastPlacement;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Uuids;
import com.pilimarket.shared.idempotency.IdempotentRequests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for forecast placement. Placements on one market are serialised by its row lock
 * anyway; instead of one database transaction (and one WAL flush, one lock hand-over) each, the
 * placements waiting for a market are applied by one writer in one transaction.
 *
 * <p>First as one set ({@link ForecastService#placeAll}): a dozen statements for the whole batch,
 * with each placement's answer exactly what it would have been alone. If the set cannot be applied
 * (a write failed, say a balance raced below a stake), nothing of it stands and the batch is
 * applied placement by placement, each inside its own savepoint running the same code as a lone
 * placement: a refusal rolls back to its savepoint and answers with its own error. If that
 * batch's commit fails too, each placement is retried alone, so one bad placement never fails
 * another.
 *
 * <p>No extra thread when the market is quiet: the request thread that finds the market idle
 * applies the queue itself (its own placement first) and hands the rest, if any, to a writer
 * thread so that it can answer at once.
 *
 * <p>Why this class is long (about 700 lines): it is one job, the group-commit pipeline, and its
 * queue, its hand-over between request and writer threads and its batch commit share one set of
 * locks and invariants that its property tests check together. Splitting it would spread those
 * invariants over classes that each look safe alone; read it top to bottom instead.
 */
@Component
public class PlacementBatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlacementBatcher.class);

    private final ForecastService service;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate batchTx;
    private final TransactionTemplate itemTx;
    private final int maxBatch;
    private final Map<UUID, MarketQueue> queues = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor writers;
    private final DistributionSummary batchSizes;
    private final Counter setFallbacks;
    private final DistributionSummary marketsPerBatch;
    private volatile Duration waitTimeout; // not final: a test shortens it
    /** Group commit across markets: ready markets waiting for a round, and the rounds in flight. */
    private volatile boolean acrossMarkets; // not final: tests switch it

    /** At most this many rounds in flight at once. */
    private volatile int pipelines; // not final: tests narrow it
    /** With a round in flight, another starts only when this many placements wait (or the last one stalls). */
    private volatile int growAt; // not final: tests change it
    /** A round in flight this long (nanoseconds) without another starting lets one more start. */
    private volatile long stallAfterNanos; // not final: tests change it

    private final ConcurrentLinkedQueue<MarketQueue> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger leaders = new AtomicInteger();
    /**
     * Placements in the queues that no round has taken yet (across markets). Only {@link #mayGrow}
     * reads it: every wake-up rests on the ready line and the leaders' count, never on this one.
     */
    private final AtomicInteger backlog = new AtomicInteger();
    /** When the latest round started (System.nanoTime). */
    private volatile long lastRoundStarted = System.nanoTime();

    private final Timer roundTimes;
    private final Timer readyWaits;

    PlacementBatcher(
            ForecastService service,
            IdempotentRequests idempotency,
            PlatformTransactionManager transactions,
            @Value("${pilimarket.forecasting.batch.max-size:128}") int maxBatch,
            @Value("${pilimarket.forecasting.batch.writers:16}") int writerThreads,
            @Value("${pilimarket.forecasting.batch.wait-timeout:PT30S}") Duration waitTimeout,
            @Value("${pilimarket.forecasting.batch.across-markets:true}") boolean acrossMarkets,
            @Value("${pilimarket.forecasting.batch.pipelines:4}") int pipelines,
            @Value("${pilimarket.forecasting.batch.grow-at:16}") int growAt,
            @Value("${pilimarket.forecasting.batch.stall-after:PT0.1S}") Duration stallAfter,
            ObjectProvider<MeterRegistry> meters) {
        this.waitTimeout = waitTimeout;
        this.acrossMarkets = acrossMarkets;
        this.pipelines = Math.max(1, pipelines);
        this.growAt = Math.max(0, growAt);
        this.stallAfterNanos = stallAfter.toNanos();
        this.service = service;
        this.idempotency = idempotency;
        MeterRegistry registry = meters.getIfAvailable();
        this.batchSizes = registry == null
                ? null
                : DistributionSummary.builder("pilimarket.forecasts.batch.size")
                        .description("Placements applied per database transaction (group commit)")
                        .register(registry);
        this.marketsPerBatch = registry == null
                ? null
                : DistributionSummary.builder("pilimarket.forecasts.batch.markets")
                        .description("Markets whose placements one database transaction applied (group commit)")
                        .register(registry);
        this.setFallbacks = registry == null
                ? null
                : Counter.builder("pilimarket.forecasts.batch.set.fallbacks")
                        .description("Batches that could not be applied as one set and were applied one by one")
                        .register(registry);
        this.roundTimes = registry == null
                ? null
                : Timer.builder("pilimarket.forecasts.batch.round")
                        .description("Time from a round taking its placements to all of them answered (group commit)")
                        .register(registry);
        this.readyWaits = registry == null
                ? null
                : Timer.builder("pilimarket.forecasts.batch.ready.wait")
                        .description("Time a market with placements waiting spent ready before a round took it")
                        .register(registry);
        this.batchTx = new TransactionTemplate(transactions);
        this.itemTx = new TransactionTemplate(transactions);
        this.itemTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.maxBatch = Math.max(1, maxBatch);
        AtomicInteger n = new AtomicInteger();
        // Bounded: when every writer is busy the request thread drains its market itself.
        this.writers = new ThreadPoolExecutor(
                0,
                Math.max(1, writerThreads),
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "forecast-writer-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** The idempotency scope of forecast placements (the key row names it). */
    static final String SCOPE = "forecasts";

    /**
     * One waiting placement. With an {@code Idempotency-Key}, {@code keyed} says how to turn its
     * placement into the HTTP response that is stored under the key (and replayed), and the result
     * is that response; without one, the result is the {@link ForecastPlacement}.
     */
    record Pending(UUID userId, PlaceForecast command, Keyed keyed, CompletableFuture<Object> result) {

        Pending(UUID userId, PlaceForecast command) {
            this(userId, command, null, new CompletableFuture<>());
        }

        IdempotentRequests.KeyedRequest keyedRequest() {
            return new IdempotentRequests.KeyedRequest(userId, keyed.key(), command);
        }
    }

    /**
     * What became of one placement in a batch's transaction: answered (its placement, or for a keyed
     * request the response stored under its key), refused by a rule (the same error it would get
     * alone; nothing of it was written), or left to be handled alone, after the batch (the uncommon
     * cases whose rules live in the one-by-one code only, and placements whose write failed).
     */
    sealed interface Decision {

        record Answered(Object answer) implements Decision {}

        record Refused(RuntimeException refusal) implements Decision {}

        record HandleAlone() implements Decision {}

        Decision ALONE = new HandleAlone();

        /** The set's result for a placement, as its decision (a keyed placement answers with its response). */
        static Decision of(ForecastService.BatchResult result, Pending p) {
            if (result instanceof ForecastService.BatchResult.Placed placed) {
                return new Answered(
                        p.keyed() == null
                                ? placed.placement()
                                : p.keyed().respond().apply(placed.placement()));
            }
            if (result instanceof ForecastService.BatchResult.Refused refused) {
                return new Refused(refused.reason());
            }
            return ALONE;
        }
    }

    /** An {@code Idempotency-Key} and how a placement becomes the response stored under it. */
    record Keyed(String key, Function<ForecastPlacement, ResponseEntity<?>> respond) {}

    /** The placements waiting for one market, and whether a writer is applying them. */
    private static final class MarketQueue {
        final UUID marketId;
        final ConcurrentLinkedQueue<Pending> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
        /** When it was last put in the ready line (System.nanoTime). */
        volatile long readySince;

        MarketQueue(UUID marketId) {
            this.marketId = marketId;
        }
    }

    /** Places a forecast through the market's queue; returns or throws exactly what a lone placement would. */
    public ForecastPlacement place(UUID userId, PlaceForecast command) {
        return (ForecastPlacement) submit(new Pending(userId, command));
    }

    /**
     * Places a forecast under an {@code Idempotency-Key} through the market's queue: the key is
     * claimed, and the response stored, in the same transaction as the placement, so a key applies
     * at most once; answers exactly what {@link IdempotentRequests#execute} around a lone placement
     * would (including replays and {@code IDEMPOTENCY_KEY_REUSED}).
     */
    public ResponseEntity<?> placeIdempotently(
            UUID userId, PlaceForecast command, String key, Function<ForecastPlacement, ResponseEntity<?>> respond) {
        return (ResponseEntity<?>)
                submit(new Pending(userId, command, new Keyed(key, respond), new CompletableFuture<>()));
    }

    private Object submit(Pending mine) {
        MarketQueue queue = queues.computeIfAbsent(mine.command().marketId(), MarketQueue::new);
        if (acrossMarkets) {
            backlog.incrementAndGet();
            queue.pending.add(mine);
            if (queue.draining.compareAndSet(false, true)) {
                makeReady(queue);
            }
            lead(true, false);
        } else {
            queue.pending.add(mine);
            if (!queue.draining.compareAndSet(false, true)) {
                return awaitAnswer(queue, mine);
            }
            // The market was idle: apply one batch here (it contains our placement), then hand on.
            try {
                drainOnce(queue);
            } finally {
                release(queue);
            }
        }
        return awaitAnswer(queue, mine);
    }

    private Object awaitAnswer(MarketQueue queue, Pending mine) {
        try {
            return await(queue, mine);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while placing a forecast", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /**
     * Waits for a placement's answer, bounded: a placement still queued after {@link #waitTimeout}
     * is taken back (nothing of it was written) and refused with 503; one a writer has taken gets
     * as long again (a writer always answers every placement it takes, even when it fails), then a
     * 503 saying its outcome is unknown, which a retry with the same {@code Idempotency-Key}
     * settles either way. Across markets, a placement not answered after {@link #stallAfterNanos}
     * first tries to lead a round itself ({@link #lead}): rounds stuck in flight then let another
     * start even when no new placement arrives to start it.
     */
    private Object await(MarketQueue queue, Pending mine) throws InterruptedException, ExecutionException {
        if (acrossMarkets) {
            try {
                return mine.result().get(Math.min(stallAfterNanos, waitTimeout.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException stalled) {
                // The rounds in flight may be stuck on a lock: another round may start now (see mayGrow).
                lead(true, false);
            }
        }
        try {
            return mine.result().get(waitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException queued) {
            if (queue.pending.remove(mine)) {
                if (acrossMarkets) {
                    backlog.decrementAndGet();
                }
                throw new ApiException(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ErrorCodes.SERVICE_UNAVAILABLE,
                        "The market is too busy right now; nothing was placed, please try again");
            }
        }
        try {
            return mine.result().get(waitTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException taken) {
            log.error(
                    "A placement on market {} got no answer in {}",
                    mine.command().marketId(),
                    waitTimeout.multipliedBy(2));
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorCodes.SERVICE_UNAVAILABLE,
                    "The forecast could not be confirmed in time; send the same request again with the same"
                            + " Idempotency-Key to learn whether it was placed");
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof CompletionException c && c.getCause() != null) {
            cause = c.getCause();
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }

    /** Leaves the market to a writer thread if more placements are waiting, else marks it idle. */
    private void release(MarketQueue queue) {
        if (queue.pending.isEmpty()) {
            queue.draining.set(false);
            // A placement may have arrived between the check and the reset.
            if (queue.pending.isEmpty() || !queue.draining.compareAndSet(false, true)) {
                return;
            }
        }
        writers.execute(() -> drainAll(queue));
    }

    // ------------------------------------------------------------------ group commit across markets

    /**
     * Leads rounds while markets are ready: takes up to maxBatch waiting placements from them and
     * applies them in one transaction, then goes on with whatever became ready meanwhile.
     *
     * <p>Rounds grow with the load instead of multiplying: with a round in flight, a placement that
     * arrives waits for it and joins the next one, which the finishing leader starts at once. Another
     * round starts beside it ({@link #mayGrow}) only when {@link #growAt} placements wait, or when no
     * round has started for {@link #stallAfterNanos} (a round waiting on a market's lock, say, an admin
     * action or a settlement, must not hold every other market's placements), up to {@link #pipelines}
     * at once. Per placement the database's cost is mostly per statement and per commit, so one big
     * round beats two small ones whenever the first can take them all.
     *
     * <p>A request thread leads one round, then hands on to a writer thread so that it can answer.
     * No lost wake-up: a leader checks for ready markets after it gave its slot back, and whoever
     * makes a market ready tries to lead after adding it.
     *
     * @param goingOn whether this thread has just led a round (or was handed on by one that has): it
     *     carries on without asking {@link #mayGrow}, as the round it replaces is over
     */
    private void lead(boolean requestThread, boolean goingOn) {
        while (true) {
            int n = leaders.get();
            if (n >= pipelines || (n > 0 && !goingOn && !mayGrow())) {
                return;
            }
            if (!leaders.compareAndSet(n, n + 1)) {
                continue;
            }
            try {
                leadOnce();
            } catch (Throwable e) {
                log.error("Forecast pipeline failed", e);
            } finally {
                leaders.decrementAndGet();
            }
            if (ready.isEmpty()) {
                return;
            }
            if (requestThread) {
                writers.execute(() -> lead(false, true));
                return;
            }
            goingOn = true;
        }
    }

    /** With a round in flight: whether another may start beside it (the rounds' limit aside). */
    private boolean mayGrow() {
        return backlog.get() >= growAt || System.nanoTime() - lastRoundStarted >= stallAfterNanos;
    }

    private void makeReady(MarketQueue queue) {
        queue.readySince = System.nanoTime();
        ready.add(queue);
    }

    /** Takes up to maxBatch waiting placements from ready markets and applies them in one transaction. */
    private void leadOnce() {
        Map<MarketQueue, List<Pending>> taken = new LinkedHashMap<>();
        int count = 0;
        MarketQueue queue;
        long started = System.nanoTime();
        while (count < maxBatch && (queue = ready.poll()) != null) {
            if (readyWaits != null) {
                // Not `started`: a market may have become ready after this round began.
                readyWaits.record(System.nanoTime() - queue.readySince, TimeUnit.NANOSECONDS);
            }
            List<Pending> placements = new ArrayList<>();
            Pending next;
            while (count < maxBatch && (next = queue.pending.poll()) != null) {
                placements.add(next);
                count++;
            }
            taken.put(queue, placements);
        }
        if (count > 0) {
            backlog.addAndGet(-count);
            lastRoundStarted = started;
        }
        try {
            List<List<Pending>> groups = taken.values().stream()
                    .filter(g -> !g.isEmpty())
                    .map(ArrayList::new)
                    .collect(java.util.stream.Collectors.toList());
            if (!groups.isEmpty()) {
                if (batchSizes != null) {
                    batchSizes.record(count);
                    marketsPerBatch.record(groups.size());
                }
                applyAcross(groups);
                if (roundTimes != null) {
                    roundTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
            }
        } finally {
            for (MarketQueue q : taken.keySet()) {
                // Still busy: back in line. Idle: marked so, unless a placement arrived meanwhile.
                if (!q.pending.isEmpty()) {
                    makeReady(q);
                } else {
                    q.draining.set(false);
                    if (!q.pending.isEmpty() && q.draining.compareAndSet(false, true)) {
                        makeReady(q);
                    }
                }
            }
        }
    }

    /**
     * Applies placements of several markets in ONE transaction (one commit, one WAL flush for all of
     * them), each market's as one set exactly as {@link #applyAsSet} would. Lock order: the batch's keys (as a lone keyed placement claims its key first), then every
     * market of the batch, then every user, each in PostgreSQL's order, before anything is
     * written — the order every other transaction follows (a market, then its users; the ledger's
     * users by id), so no cycle can form. If any write fails, nothing of it stands and each market's
     * placements are applied on their own ({@link #apply}). Never throws; every placement is answered.
     */
    private void applyAcross(List<List<Pending>> groups) {
        try {
            if (groups.size() == 1) {
                apply(groups.get(0));
                return;
            }
            Comparator<Pending> byUser = Comparator.comparing(Pending::userId, Uuids.POSTGRES_ORDER);
            groups.forEach(g -> g.sort(byUser));
            groups.sort(Comparator.comparing(g -> g.get(0).command().marketId(), Uuids.POSTGRES_ORDER));
            List<UUID> marketIds =
                    groups.stream().map(g -> g.get(0).command().marketId()).toList();
            List<List<Decision>> decisions;
            try {
                decisions = batchTx.execute(status -> {
                    // Keys first (as a lone keyed placement claims its key before any lock); placeAcross then
                    // locks the markets, then the users, each in one statement.
                    List<boolean[]> mayPlace = claimKeys(groups);
                    return placeClaimed(marketIds, groups, mayPlace, true);
                });
            } catch (RuntimeException e) {
                log.debug(
                        "Placements of {} markets could not be applied together ({}); market by market",
                        groups.size(),
                        e.toString());
                if (setFallbacks != null) {
                    setFallbacks.increment();
                }
                groups.forEach(this::apply);
                return;
            }
            for (int i = 0; i < groups.size(); i++) {
                finishSet(groups.get(i), decisions.get(i));
            }
        } catch (Throwable failure) {
            log.error("Placements of {} markets failed", groups.size(), failure);
            IllegalStateException answer = new IllegalStateException("the forecast could not be placed", failure);
            groups.forEach(g -> g.forEach(p -> p.result().completeExceptionally(answer)));
        }
    }

    private void drainAll(MarketQueue queue) {
        // Bounded: each round applies at least one placement, and the queue only holds what callers wait for.
        while (true) {
            try {
                drainOnce(queue);
            } catch (Throwable e) {
                // apply() answers every placement it took; whatever escapes still must not stop this
                // loop, or the market would stay marked busy and its queue would never be served.
                log.error("Forecast writer failed", e);
            }
            if (queue.pending.isEmpty()) {
                queue.draining.set(false);
                if (queue.pending.isEmpty() || !queue.draining.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    /** Applies up to maxBatch waiting placements in one transaction. */
    private void drainOnce(MarketQueue queue) {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < maxBatch && (next = queue.pending.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batchSizes != null) {
            batchSizes.record(batch.size());
        }
        apply(batch);
    }

    /**
     * Applies placements on one market, each answered through its future; never throws. Whatever
     * goes wrong, an {@link Error} included, every placement of the batch gets an answer: the
     * ones not answered yet fail with it (their transaction rolled back).
     */
    void apply(List<Pending> batch) {
        try {
            applyBatch(batch);
        } catch (Throwable failure) {
            log.error("A batch of {} placements failed", batch.size(), failure);
            IllegalStateException answer = new IllegalStateException("the forecast could not be placed", failure);
            for (Pending p : batch) {
                p.result().completeExceptionally(answer);
            }
        }
    }

    private void applyBatch(List<Pending> batch) {
        if (batch.size() == 1) {
            applyAlone(batch.get(0));
            return;
        }
        // Users' rows are locked in one order, PostgreSQL's (the ledger's ORDER BY id), so two batches
        // on different markets sharing users cannot deadlock. Not UUID.compareTo: that one is signed.
        batch.sort(Comparator.comparing(Pending::userId, Uuids.POSTGRES_ORDER));
        if (applyAsSet(batch)) {
            return;
        }
        applyEachInItsSavepoint(batch);
    }

    /**
     * The fast path: the whole batch as one set ({@link ForecastService#placeAll}), about a dozen
     * statements in all, keys claimed and responses stored in the same transaction. Placements it
     * leaves undecided (and keys it could not claim) are applied alone afterwards. False (and
     * nothing written) if the set could not be applied, e.g. a balance raced below a stake.
     */
    private boolean applyAsSet(List<Pending> batch) {
        UUID marketId = batch.get(0).command().marketId();
        List<Decision> decisions;
        try {
            decisions = batchTx.execute(status -> placeAsSet(marketId, batch));
        } catch (RuntimeException e) {
            log.debug(
                    "A batch of {} placements could not be applied as a set ({}); one by one instead",
                    batch.size(),
                    e.toString());
            if (setFallbacks != null) {
                setFallbacks.increment();
            }
            return false;
        }
        finishSet(batch, decisions);
        return true;
    }

    /** After a set committed: answers the decided placements, then applies those left to be handled alone. */
    private void finishSet(List<Pending> batch, List<Decision> decisions) {
        List<Pending> alone = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (decisions.get(i) instanceof Decision.HandleAlone) {
                alone.add(batch.get(i));
            } else {
                answer(batch.get(i), decisions.get(i));
            }
        }
        if (alone.size() > 1) {
            applyEachInItsSavepoint(alone);
        } else {
            alone.forEach(this::applyAlone);
        }
    }

    /** In the batch's transaction: the decision for each placement, in the batch's order. */
    private List<Decision> placeAsSet(UUID marketId, List<Pending> batch) {
        return placeClaimed(List.of(marketId), List.of(batch), claimKeys(List.of(batch)), false)
                .get(0);
    }

    /**
     * Claims the keys of the keyed placements of a round's markets (first, before any market or user
     * lock, as a lone keyed placement does), in one statement; per market and placement whether it may
     * be placed in the set: unkeyed, or its key claimed. The others replay (or wait) through
     * {@link IdempotentRequests#execute}, alone.
     */
    private List<boolean[]> claimKeys(List<List<Pending>> groups) {
        List<IdempotentRequests.KeyedRequest> keyed = new ArrayList<>();
        for (List<Pending> group : groups) {
            for (Pending p : group) {
                if (p.keyed() != null) {
                    keyed.add(p.keyedRequest());
                }
            }
        }
        boolean[] claimed = idempotency.claimAll(SCOPE, keyed);
        List<boolean[]> mayPlace = new ArrayList<>(groups.size());
        int k = 0;
        for (List<Pending> group : groups) {
            boolean[] may = new boolean[group.size()];
            for (int i = 0; i < group.size(); i++) {
                may[i] = group.get(i).keyed() == null || claimed[k++];
            }
            mayPlace.add(may);
        }
        return mayPlace;
    }

    /**
     * Places the placements that {@code mayPlace} of the round's markets as one set ({@link
     * ForecastService#placeAcross}, which locks the users too with {@code lockUsers}) and stores the
     * keyed responses; the decisions per market and placement, in the given order.
     */
    private List<List<Decision>> placeClaimed(
            List<UUID> marketIds, List<List<Pending>> groups, List<boolean[]> mayPlace, boolean lockUsers) {
        List<List<Integer>> placedIndexes = new ArrayList<>(groups.size());
        List<ForecastService.MarketBatch> batches = new ArrayList<>(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            List<Pending> group = groups.get(g);
            List<Integer> indexes = new ArrayList<>();
            List<ForecastService.Placement> placements = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                if (mayPlace.get(g)[i]) {
                    indexes.add(i);
                    Pending p = group.get(i);
                    placements.add(new ForecastService.Placement(
                            p.userId(), p.command().outcomeId(), p.command().points()));
                }
            }
            placedIndexes.add(indexes);
            batches.add(new ForecastService.MarketBatch(marketIds.get(g), placements));
        }
        List<List<ForecastService.BatchResult>> results = service.placeAcross(batches, lockUsers);

        List<List<Decision>> decisions = new ArrayList<>(groups.size());
        List<IdempotentRequests.KeyedRequest> answered = new ArrayList<>();
        List<ResponseEntity<?>> responses = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Pending> group = groups.get(g);
            List<Decision> ofGroup = new ArrayList<>(Collections.nCopies(group.size(), Decision.ALONE));
            List<Integer> indexes = placedIndexes.get(g);
            for (int j = 0; j < indexes.size(); j++) {
                int i = indexes.get(j);
                Pending p = group.get(i);
                Decision decision = Decision.of(results.get(g).get(j), p);
                ofGroup.set(i, decision);
                if (p.keyed() == null) {
                    continue;
                }
                // Refusals are not stored (they changed nothing); the rest claim their key again alone.
                if (decision instanceof Decision.Answered answer) {
                    answered.add(p.keyedRequest());
                    responses.add((ResponseEntity<?>) answer.answer());
                }
            }
            decisions.add(ofGroup);
        }
        idempotency.storeAll(SCOPE, answered, responses);
        return decisions;
    }

    /** The safe path: each placement in its own savepoint of one transaction, exactly as if alone. */
    private void applyEachInItsSavepoint(List<Pending> batch) {
        List<Decision> decisions = new ArrayList<>(batch.size());
        try {
            batchTx.executeWithoutResult(status -> {
                decisions.clear(); // a retried commit starts over
                for (Pending p : batch) {
                    try {
                        decisions.add(new Decision.Answered(itemTx.execute(s -> placeHere(p))));
                    } catch (ApiException refused) {
                        // A business refusal: rolled back to this placement's savepoint; the others stand.
                        decisions.add(new Decision.Refused(refused));
                    } catch (RuntimeException unexpected) {
                        // Not an answer (e.g. a database hiccup): rolled back to the savepoint, retried alone below.
                        decisions.add(Decision.ALONE);
                    }
                }
            });
        } catch (RuntimeException commitFailed) {
            log.warn(
                    "A batch of {} placements could not commit ({}); applying them one by one",
                    batch.size(),
                    commitFailed.toString());
            batch.forEach(this::applyAlone);
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (decisions.get(i) instanceof Decision.HandleAlone) {
                applyAlone(batch.get(i));
            } else {
                answer(batch.get(i), decisions.get(i));
            }
        }
    }

    private void applyAlone(Pending p) {
        try {
            p.result().complete(batchTx.execute(s -> placeHere(p)));
        } catch (RuntimeException | Error e) {
            p.result().completeExceptionally(e);
        }
    }

    /** One placement in the current transaction, exactly as a request on its own would run it. */
    private Object placeHere(Pending p) {
        if (p.keyed() == null) {
            return service.place(p.userId(), p.command());
        }
        return idempotency.execute(
                p.userId(),
                SCOPE,
                p.keyed().key(),
                p.command(),
                () -> p.keyed().respond().apply(service.place(p.userId(), p.command())));
    }

    /** Completes a placement with its answer, or its refusal. */
    private static void answer(Pending p, Decision decision) {
        if (decision instanceof Decision.Answered answered) {
            p.result().complete(answered.answer());
        } else if (decision instanceof Decision.Refused refused) {
            p.result().completeExceptionally(refused.refusal());
        } else {
            throw new IllegalStateException("a placement left to be handled alone has no answer yet");
        }
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }
}
