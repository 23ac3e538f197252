package com.pilimarket.reputation.internal;

import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.forecasting.MarketSettled;
import com.pilimarket.reputation.ForecastsScored;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.shared.platform.Jobs;
import com.pilimarket.users.Users;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the read model, reputation and badges up to date. Durable and at-least-once: every step is
 * idempotent (rows keyed by forecast id, reputation recomputed from the stored rows rather than
 * incremented, badges keyed by user and badge), so a redelivered event changes nothing.
 */
@Component
class ReputationListeners {

    private final ReputationRecords records;
    private final Badges badges;
    private final Users users;
    private final Reputation reputation;
    private final ApplicationEventPublisher events;
    private final Jobs jobs;

    ReputationListeners(
            ReputationRecords records,
            Badges badges,
            Users users,
            Reputation reputation,
            ApplicationEventPublisher events,
            Jobs jobs) {
        this.records = records;
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
            Map<UUID, long[]> totals = records.placementTotals(userIds);
            Map<UUID, Set<String>> earned = new LinkedHashMap<>();
            for (UUID userId : userIds) {
                long[] t = totals.getOrDefault(userId, new long[2]);
                earned.put(userId, BadgeRules.forPlacements(t[0], t[1]));
            }
            badges.awardAll(earned, "{}");
            reputation.evictStats(List.copyOf(userIds));
        });
    }

    @ApplicationModuleListener
    void on(MarketSettled event) {
        jobs.run("reputation-market-settled", () -> score(event));
    }

    private void score(MarketSettled event) {
        // Settlements are scored one at a time cluster-wide: each recomputes totals from committed rows.
        records.lock("settlements");
        List<ForecastSettled> forecasts = event.forecasts();
        records.recordSettled(forecasts);
        List<UUID> userIds = ReputationRecords.distinctUsers(forecasts);
        Map<UUID, Double> totals = records.skillTotals(userIds);
        String metadata = "{\"market_id\":\"" + event.marketId() + "\"}";
        for (UUID userId : userIds) {
            users.updateReputation(userId, Math.max(0, totals.getOrDefault(userId, 0.0)));
            if (!event.refunded()) {
                badges.award(userId, BadgeRules.forSettled(records.history(userId)), metadata);
            }
        }
        reputation.evictStats(userIds);
        events.publishEvent(new ForecastsScored(event.marketId(), userIds, event.settledAt()));
    }
}
