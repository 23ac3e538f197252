package com.pilimarket.reputation.internal;

import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.forecasting.MarketSettled;
import com.pilimarket.reputation.ForecastsScored;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.shared.Uuids;
import com.pilimarket.shared.platform.Jobs;
import com.pilimarket.users.Users;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the read model, reputation and badges up to date. Durable and at-least-once: every step is
 * idempotent (rows keyed by forecast id, reputation recomputed from the stored rows rather than
 * incremented, badges keyed by user and badge), so a redelivered event changes nothing.
 */
@Component
class ReputationListeners {

    private final ReputationRecords records;
    private final RankTotals rankTotals;
    private final Badges badges;
    private final Users users;
    private final Reputation reputation;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;
    private final TransactionTemplate chunks;
    private final int chunkSize;

    ReputationListeners(
            ReputationRecords records,
            RankTotals rankTotals,
            Badges badges,
            Users users,
            Reputation reputation,
            ApplicationEventPublisher events,
            Jobs jobs,
            PlatformTransactionManager transactions,
            @Value("${pilimarket.reputation.scoring-chunk:5000}") int chunkSize) {
        this.chunks = new TransactionTemplate(transactions);
        // Each chunk commits on its own: user rows are held for one chunk, not for the whole market.
        this.chunks.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.chunkSize = Math.max(1, chunkSize);
        this.records = records;
        this.rankTotals = rankTotals;
        this.badges = badges;
        this.users = users;
        this.reputation = reputation;
        this.events = events;
        this.jobs = jobs;
    }

    @ApplicationModuleListener
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
    void on(MarketSettled event) {
        jobs.run("reputation-market-settled", () -> score(event));
    }

    /**
     * Scores a settlement as sets, a chunk of forecasters per short transaction (a few statements
     * each, whatever the chunk's size): store their settled forecasts, then lock their user rows in
     * PostgreSQL's order (the ledger's, so scoring and settlement cannot deadlock) and set their
     * reputation from their stored forecasts, add the forecasts stored now to the leaderboards' totals
     * ({@link RankTotals}: a redelivered chunk stores nothing, so adds nothing), then award the badges
     * their records now earn. No user row is held longer than its chunk. A redelivered event recomputes
     * the same values.
     */
    void score(MarketSettled event) {
        List<ForecastSettled> forecasts = new ArrayList<>(event.forecasts());
        forecasts.sort(Comparator.comparing(ForecastSettled::userId, Uuids.POSTGRES_ORDER));
        String metadata = "{\"market_id\":\"" + event.marketId() + "\"}";
        for (int from = 0; from < forecasts.size(); from += chunkSize) {
            List<ForecastSettled> chunk = forecasts.subList(from, Math.min(forecasts.size(), from + chunkSize));
            chunks.executeWithoutResult(status -> {
                List<UUID> stored = records.recordSettled(chunk);
                List<UUID> userIds = ReputationRecords.distinctUsers(chunk);
                users.updateReputations(userIds, records::skillTotals);
                rankTotals.add(stored);
                if (!event.refunded()) {
                    badges.awardAll(records.settledBadges(userIds), metadata);
                }
            });
        }
        List<UUID> userIds = ReputationRecords.distinctUsers(forecasts);
        reputation.evictStats(userIds);
        events.publishEvent(new ForecastsScored(event.marketId(), event.settledAt()));
    }
}
