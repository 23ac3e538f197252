package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.MarketSettled;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.forecasting.internal.SettlementRecords.StakeRow;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.markets.MarketSnapshot;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.PariMutuel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays out (or refunds) a resolved or cancelled market, exactly once, however often it is run.
 *
 * <p>The plan is fixed by the stakes, which cannot change once the market is final: the payout of
 * every forecast follows from {@link PariMutuel}. Work is done in batches, each its own transaction
 * under the market's row lock: lock the next pending forecasts, post their payouts through the
 * ledger in bulk, mark them won/lost/refunded, and publish {@link SettledBatch} with the forecasts it
 * marked (their scoring and notifications run beside the next batches). The house's share is posted
 * with the plan. A
 * crash leaves committed batches settled and the rest pending; a re-run (the event publication is
 * retried) continues where it stopped, and the ledger's references ({@code payout:{market}:{user}},
 * {@code refund:{market}:{user}}, {@code house:{market}}) make any repeated transfer a no-op.
 * When nothing is pending the market is marked settled and {@link MarketSettled} is published — once.
 */
@Service
public class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final SettlementRecords records;
    private final Markets markets;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate batch;
    private final int batchSize;
    private final Clock clock;
    private final MeterRegistry meters;

    Settlement(
            SettlementRecords records,
            Markets markets,
            Ledger ledger,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock,
            MeterRegistry meters,
            @Value("${pilimarket.settlement.batch-size:5000}") int batchSize) {
        this.records = records;
        this.markets = markets;
        this.ledger = ledger;
        this.events = events;
        this.batch = new TransactionTemplate(transactions);
        // Each batch commits on its own even when the caller (an event listener) has a transaction.
        this.batch.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.batchSize = batchSize;
        this.clock = clock;
        this.meters = meters;
    }

    /** Settles a resolved market: winners share the pool, with no winner everyone is refunded. */
    public void settleResolved(UUID marketId, UUID winningOutcomeId) {
        settle(marketId, winningOutcomeId);
    }

    /** Refunds every stake of a cancelled market. */
    public void settleCancelled(UUID marketId) {
        settle(marketId, null);
    }

    private void settle(UUID marketId, UUID winner) {
        long started = System.nanoTime();
        String result = "failed";
        try {
            settleTimed(marketId, winner, started);
            result = "settled";
        } finally {
            Timer.builder("pilimarket.settlement")
                    .description("Time to settle a resolved or cancelled market (one run)")
                    .tag("kind", winner == null ? "cancelled" : "resolved")
                    .tag("result", result)
                    .publishPercentileHistogram()
                    .register(meters)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void settleTimed(UUID marketId, UUID winner, long started) {
        Plan plan = batch.execute(tx -> plan(marketId, winner));
        if (plan == null) {
            return;
        }
        int settled = 0;
        List<StakeRow> stakes = plan.stakes();
        for (int from = 0; from < stakes.size(); from += batchSize) {
            List<StakeRow> rows = stakes.subList(from, Math.min(from + batchSize, stakes.size()));
            Integer done = batch.execute(tx -> settleBatch(plan, rows));
            settled += done == null ? 0 : done;
        }
        batch.executeWithoutResult(tx -> finish(plan));
        log.info(
                "Settled market {}: {} forecasts in this run, pool {}, house {}, {} ms",
                marketId,
                settled,
                plan.result().pool(),
                plan.result().house(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Everything settlement needs to know, computed once per run from the (frozen) stakes, which it
     * also keeps (in user order) to walk them in batches.
     */
    private record Plan(MarketSnapshot market, UUID winner, PariMutuel.Result result, List<StakeRow> stakes) {

        boolean cancelled() {
            return market.status() == MarketStatus.CANCELLED;
        }
    }

    private Plan plan(UUID marketId, UUID winner) {
        MarketSnapshot market = markets.lockForSettlement(marketId);
        if (market.status() != MarketStatus.RESOLVED && market.status() != MarketStatus.CANCELLED) {
            throw new IllegalStateException("market " + marketId + " is " + market.status() + ", not final");
        }
        List<StakeRow> rows = records.stakes(marketId);
        List<PariMutuel.Stake> stakes = rows.stream()
                .map(s -> new PariMutuel.Stake(s.id(), s.outcomeId(), s.points()))
                .toList();
        PariMutuel.Result result = market.status() == MarketStatus.CANCELLED
                ? PariMutuel.refunds(stakes)
                : PariMutuel.payouts(stakes, winner, markets.settlementFeePercent(marketId));
        if (result.house() > 0) {
            ledger.post(Transfer.move(
                    "house:" + marketId,
                    "house share",
                    Account.pool(marketId),
                    Account.HOUSE,
                    result.house(),
                    Map.of("market_id", marketId.toString())));
        }
        return new Plan(market, winner, result, rows);
    }

    /**
     * Settles the still-pending forecasts among {@code rows}: marks them (the UPDATE takes their row
     * locks and skips any a previous run already settled), then posts the payouts of exactly those
     * it marked, in the same transaction.
     */
    private int settleBatch(Plan plan, List<StakeRow> rows) {
        UUID marketId = plan.market().id();
        markets.lockForSettlement(marketId);
        boolean refund = plan.result().refund();
        UUID[] ids = new UUID[rows.size()];
        String[] statuses = new String[rows.size()];
        Long[] payouts = new Long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            StakeRow row = rows.get(i);
            ids[i] = row.id();
            payouts[i] = plan.result().payoutOf(row.id());
            statuses[i] = refund ? "refunded" : row.outcomeId().equals(plan.winner()) ? "won" : "lost";
        }
        Set<UUID> marked = records.markSettled(ids, statuses, payouts);
        List<Transfer> transfers = new ArrayList<>(marked.size());
        String kind = refund ? "refund" : "payout";
        String referencePrefix = kind + ":" + marketId + ":";
        Account pool = Account.pool(marketId);
        String market = marketId.toString();
        for (int i = 0; i < rows.size(); i++) {
            StakeRow row = rows.get(i);
            if (payouts[i] > 0 && marked.contains(row.id())) {
                transfers.add(Transfer.move(
                        referencePrefix + row.userId(),
                        kind,
                        pool,
                        Account.user(row.userId()),
                        payouts[i],
                        Map.of("market_id", market, "forecast_id", row.id().toString())));
            }
        }
        ledger.postAll(transfers);
        if (!marked.isEmpty()) {
            // Only what this run marked: a batch an earlier run committed was published by that run.
            events.publishEvent(new SettledBatch(
                    marketId,
                    plan.market().category(),
                    plan.cancelled() ? null : plan.winner(),
                    plan.cancelled(),
                    refund,
                    plan.market().createdAt(),
                    clock.instant(),
                    plan.stakes().size(),
                    List.copyOf(marked)));
        }
        return marked.size();
    }

    private void finish(Plan plan) {
        UUID marketId = plan.market().id();
        markets.lockForSettlement(marketId);
        if (records.hasPending(marketId)) {
            // Leave the publication incomplete so that the run is retried.
            throw new IllegalStateException("market " + marketId + " still has pending forecasts");
        }
        if (!markets.markSettled(marketId)) {
            return;
        }
        Instant now = clock.instant();
        // Without the forecasts: each batch was published as it was paid (SettledBatch).
        events.publishEvent(new MarketSettled(
                marketId,
                plan.market().category(),
                plan.cancelled() ? null : plan.winner(),
                plan.cancelled(),
                plan.result().refund(),
                plan.result().pool(),
                plan.result().house(),
                plan.market().createdAt(),
                now,
                plan.stakes().size()));
    }
}
