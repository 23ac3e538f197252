package com.pilimarket.reputation.internal;

import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.reputation.BoardsUpdated;
import com.pilimarket.reputation.ForecastsScored;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.shared.platform.Jobs;
import com.pilimarket.users.Users;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the read model, reputation, badges and board totals up to date. Durable and at-least-once:
 * every step is idempotent (rows keyed by forecast id, reputation recomputed from the stored rows rather
 * than incremented, badges keyed by user and badge, a forecast added to the boards in the transaction
 * that deletes its pending mark), so a redelivered event changes nothing.
 */
@Component
class ReputationListeners {

    private final ReputationRecords records;
    private final RankTotals rankTotals;
    private final Badges badges;
    private final Forecasts forecasts;
    private final Users users;
    private final Reputation reputation;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;
    private final MeterRegistry meters;
    private final TransactionTemplate chunks;
    private final int chunkSize;
    private final int boardChunkSize;

    ReputationListeners(
            ReputationRecords records,
            RankTotals rankTotals,
            Badges badges,
            Forecasts forecasts,
            Users users,
            Reputation reputation,
            ApplicationEventPublisher events,
            Jobs jobs,
            MeterRegistry meters,
            PlatformTransactionManager transactions,
            @Value("${pilimarket.reputation.scoring-chunk:5000}") int chunkSize,
            @Value("${pilimarket.reputation.boards-chunk:5000}") int boardChunkSize) {
        this.chunks = new TransactionTemplate(transactions);
        // Each chunk commits on its own: user rows are held for one chunk, not for the whole market.
        this.chunks.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.chunkSize = Math.max(1, chunkSize);
        this.boardChunkSize = Math.max(1, boardChunkSize);
        this.records = records;
        this.rankTotals = rankTotals;
        this.badges = badges;
        this.forecasts = forecasts;
        this.users = users;
        this.reputation = reputation;
        this.events = events;
        this.jobs = jobs;
        this.meters = meters;
    }

    /**
     * Runs in the placement feed's drain transaction (a plain listener: no publication, no transaction
     * of its own), so it commits with the deletion of the feed rows: if it fails, the drain rolls back
     * and the placements wait in the feed for the next one.
     */
    @EventListener
    void on(ForecastsPlaced placed) {
        jobs.run("reputation-forecast-placed", () -> {
            Set<UUID> userIds = new TreeSet<>();
            placed.placements().forEach(event -> userIds.add(event.userId()));
            // Each user's placements one at a time across batches (users locked in id order: no
            // deadlock), so two concurrent batches both count towards high_roller.
            records.lockUsers(userIds);
            records.recordPlacements(placed.placements());
            Map<UUID, ReputationRecords.PlacementTotals> totals = records.placementTotals(userIds);
            Map<UUID, Set<String>> earned = new LinkedHashMap<>();
            for (UUID userId : userIds) {
                ReputationRecords.PlacementTotals t =
                        totals.getOrDefault(userId, ReputationRecords.PlacementTotals.NONE);
                earned.put(userId, BadgeRules.forPlacements(t.forecasts(), t.staked()));
            }
            badges.awardAll(earned, "{}");
            reputation.evictStats(List.copyOf(userIds));
        });
    }

    @ApplicationModuleListener
    void on(SettledBatch batch) {
        jobs.run("reputation-market-settled", () -> score(batch));
    }

    /**
     * Scores a settled batch as sets, a chunk of forecasters per short transaction (a few statements
     * each, whatever the chunk's size): store their settled forecasts (marking those that count as
     * pending for the boards), then lock their user rows in PostgreSQL's order (the ledger's, so scoring
     * and settlement cannot deadlock) and set their reputation from their stored forecasts, then award
     * the badges their records now earn. No user row is held longer than its chunk. A redelivered event
     * recomputes the same values. Batches arrive while the next ones are being paid, and several may be
     * scored at once: a market's batches hold distinct users (one forecast per user and market), and the
     * forecasts come from forecasting ({@link Forecasts#settledIn}) ordered by user in PostgreSQL's order,
     * as {@code Uuids.POSTGRES_ORDER} sorts them. The board totals are not part of scoring: once the
     * market's count of scored forecasts ({@code scoring_progress}) reaches its number of forecasts,
     * {@link #on(ForecastsScored)} adds them.
     */
    void score(SettledBatch batch) {
        String metadata = "{\"market_id\":\"" + batch.marketId() + "\"}";
        long started = System.nanoTime();
        List<ForecastSettled> forecasts = this.forecasts.settledIn(batch);
        step("read", started);
        List<UUID> scored = new ArrayList<>(forecasts.size());
        int marketScored = 0;
        for (int from = 0; from < forecasts.size(); from += chunkSize) {
            List<ForecastSettled> chunk = forecasts.subList(from, Math.min(from + chunkSize, forecasts.size()));
            List<UUID> userIds = ReputationRecords.distinctUsers(chunk);
            Integer counted = chunks.execute(status -> {
                long begun = System.nanoTime();
                int stored = records.recordSettled(chunk);
                begun = step("store", begun);
                users.updateReputations(userIds, records::skillTotals);
                begun = step("reputation", begun);
                if (!batch.refunded()) {
                    badges.awardAll(records.settledBadges(userIds), metadata);
                    step("badges", begun);
                }
                // Last: the market's count stays locked only until this chunk commits.
                return records.addScored(batch.marketId(), stored);
            });
            marketScored = counted == null ? marketScored : counted;
            scored.addAll(userIds);
        }
        reputation.evictStats(scored);
        if (marketScored >= batch.marketForecasts()) {
            // The market's last batch to be scored (a redelivered one after it too): the boards now, once
            // per market, rather than a board step per batch competing with the payouts still running.
            events.publishEvent(new ForecastsScored(batch.marketId(), batch.settledAt()));
        }
    }

    @ApplicationModuleListener
    void on(ForecastsScored scored) {
        jobs.run("reputation-boards", () -> addToBoards(scored));
    }

    /**
     * The board step: adds every pending settled forecast (this market's and any other's still pending,
     * e.g. left by a step that died) to the board totals, a chunk per transaction ({@link
     * RankTotals#addPending}: a chunk's pending marks are deleted in the transaction that adds it, so a
     * redelivered event or a second step adds nothing twice, and a step that died is finished by the
     * next), then publishes {@link BoardsUpdated} so the leaderboards drop their cached pages.
     */
    void addToBoards(ForecastsScored scored) {
        long added = 0;
        while (true) {
            long started = System.nanoTime();
            Integer taken = chunks.execute(status -> rankTotals.addPending(boardChunkSize));
            if (taken == null || taken == 0) {
                break;
            }
            boardStep(started);
            added += taken;
        }
        if (added > 0) {
            events.publishEvent(new BoardsUpdated(scored.marketId(), added));
        }
    }

    /**
     * Records the time of one step of a scoring chunk ({@code pilimarket.reputation.scoring.step},
     * tagged {@code step}: read, store, reputation, badges), so what limits scoring can be read off the
     * metrics; returns now, the start of the next step.
     */
    private long step(String step, long started) {
        long now = System.nanoTime();
        Timer.builder("pilimarket.reputation.scoring.step")
                .description("Time of one step of a reputation scoring chunk")
                .tag("step", step)
                .register(meters)
                .record(now - started, TimeUnit.NANOSECONDS);
        return now;
    }

    /** Records the time of one chunk of the board step ({@code pilimarket.reputation.boards.chunk}). */
    private void boardStep(long started) {
        Timer.builder("pilimarket.reputation.boards.chunk")
                .description("Time of one chunk of the board step (pending settled forecasts added to the boards)")
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
}
