package com.pilimarket.activity.internal;

import com.pilimarket.activity.Activities;
import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.markets.MarketCreated;
import com.pilimarket.markets.MarketResolved;
import com.pilimarket.reputation.BadgeCatalog;
import com.pilimarket.reputation.BadgeEarned;
import com.pilimarket.reputation.BadgesEarned;
import com.pilimarket.users.UserRegistered;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns past events into feed entries. Entries from events delivered at least once (badges,
 * resolutions, registrations, new markets) have a dedupe key, so a redelivered event adds nothing;
 * placements arrive exactly once, in the placement feed's drain (see {@link #on(ForecastsPlaced)}).
 */
@Component
class ActivityListeners {

    private final Activities activities;
    private final ActivityRecords records;

    ActivityListeners(Activities activities, ActivityRecords records) {
        this.activities = activities;
        this.records = records;
    }

    @ApplicationModuleListener
    void on(MarketCreated event) {
        activities.record(
                "market_created",
                event.createdBy(),
                event.marketId(),
                Map.of("title", event.title(), "slug", event.slug(), "category", event.category()),
                "market_created:" + event.marketId());
    }

    /**
     * Runs in the placement feed's drain transaction (a plain listener, no publication of its own), so
     * an entry commits together with the deletion of the feed row it comes from: written exactly once,
     * without a dedupe key (V333). One statement for the whole event: every placement of a short window.
     */
    @EventListener
    void on(ForecastsPlaced placed) {
        records.insertAll(
                placed.placements().stream().map(ActivityListeners::entry).toList());
    }

    private static ActivityRecords.NewActivity entry(ForecastPlaced event) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("forecast_id", event.forecastId().toString());
        metadata.put("outcome_id", event.outcomeId().toString());
        metadata.put("points", event.points());
        metadata.put("total_points", event.totalPoints());
        metadata.put("top_up", event.topUp());
        return new ActivityRecords.NewActivity("forecast_placed", event.userId(), event.marketId(), metadata, null);
    }

    @ApplicationModuleListener
    void on(MarketResolved event) {
        activities.record(
                "market_resolved",
                event.resolvedBy(),
                event.marketId(),
                Map.of("title", event.title(), "outcome_id", event.outcomeId().toString()),
                "market_resolved:" + event.marketId());
    }

    @ApplicationModuleListener
    void on(UserRegistered event) {
        activities.record(
                "user_registered",
                event.userId(),
                null,
                Map.of("display_name", event.displayName()),
                "user_registered:" + event.userId());
    }

    /** All the badges of one award in one statement: a settlement awards tens of thousands of {@code first_win}. */
    @ApplicationModuleListener
    void on(BadgesEarned earned) {
        List<ActivityRecords.NewActivity> entries =
                new ArrayList<>(earned.badges().size());
        for (BadgeEarned event : earned.badges()) {
            entries.add(new ActivityRecords.NewActivity(
                    "badge_earned",
                    event.userId(),
                    null,
                    Map.of("badge", event.badge(), "name", BadgeCatalog.name(event.badge())),
                    "badge_earned:" + event.badge() + ":" + event.userId()));
        }
        records.insertAll(entries);
    }
}
