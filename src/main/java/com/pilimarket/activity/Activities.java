package com.pilimarket.activity;

import com.pilimarket.activity.internal.ActivityRecords;
import com.pilimarket.activity.internal.ActivityRecords.ActivityRow;
import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.OutcomeRef;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.users.Follows;
import com.pilimarket.users.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity feed: public, per market or per user, newest first. Other modules add entries by
 * publishing events (see docs/MARKETS.md); {@link #record} is for modules whose events this one does
 * not know yet, and is idempotent by {@code dedupeKey}.
 */
@Service
public class Activities {

    private final ActivityRecords records;
    private final Users users;
    private final Markets markets;
    private final Follows follows;

    Activities(ActivityRecords records, Users users, Markets markets, Follows follows) {
        this.records = records;
        this.users = users;
        this.markets = markets;
        this.follows = follows;
    }

    /** Adds an entry unless one with the same {@code dedupeKey} exists; true if it was added. */
    @Transactional
    public boolean record(
            String activityType, UUID userId, UUID marketId, Map<String, Object> metadata, String dedupeKey) {
        return records.insert(activityType, userId, marketId, metadata, dedupeKey);
    }

    @Transactional(readOnly = true)
    public Page<ActivityView> feed(UUID marketId, UUID userId, PageQuery page) {
        return views(records.feed(marketId, userId == null ? null : List.of(userId), page));
    }

    /**
     * What the people {@code viewer} follows did, newest first (optionally on one market). The ids
     * come from the users module's follows, so this module's SQL stays on its own table.
     */
    @Transactional(readOnly = true)
    public Page<ActivityView> followingFeed(UUID viewer, UUID marketId, PageQuery page) {
        List<UUID> followees = follows.followeeIds(viewer);
        if (followees.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        return views(records.feed(marketId, followees, page));
    }

    private Page<ActivityView> views(Page<ActivityRow> rows) {
        Map<UUID, ActivityView.ActivityUser> people = new HashMap<>();
        rows.items().stream()
                .map(ActivityRow::userId)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(id -> users.find(id)
                        .ifPresent(u -> people.put(
                                id,
                                new ActivityView.ActivityUser(u.id(), u.displayName(), u.handle(), u.avatarUrl()))));
        Map<UUID, MarketRef> refs = markets.refs(rows.items().stream()
                .map(ActivityRow::marketId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<UUID, OutcomeRef> outcomes = markets.outcomeRefs(rows.items().stream()
                .map(Activities::outcomeId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return rows.map(row -> new ActivityView(
                row.id(),
                row.activityType(),
                row.userId() == null ? null : people.get(row.userId()),
                row.marketId() == null ? null : refs.get(row.marketId()),
                outcomes.get(outcomeId(row)),
                row.metadata(),
                row.createdAt()));
    }

    /** The outcome an entry is about (forecasts and resolutions store its id), or null. */
    private static UUID outcomeId(ActivityRow row) {
        Object id = row.metadata() == null ? null : row.metadata().get("outcome_id");
        if (!(id instanceof String text)) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
