package com.pilimarket.activity.internal;

import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the activity feed. */
@Repository
public class ActivityRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ActivityRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A row of {@code activities}. */
    public record ActivityRow(
            UUID id,
            String activityType,
            UUID userId,
            UUID marketId,
            Map<String, Object> metadata,
            OffsetDateTime createdAt) {}

    public boolean insert(
            String activityType, UUID userId, UUID marketId, Map<String, Object> metadata, String dedupeKey) {
        return insertAll(List.of(new NewActivity(activityType, userId, marketId, metadata, dedupeKey))) == 1;
    }

    /** An entry to add with {@link #insertAll}. */
    public record NewActivity(
            String activityType, UUID userId, UUID marketId, Map<String, Object> metadata, String dedupeKey) {}

    /**
     * Adds many entries in one statement, each unless one with its {@code dedupeKey} exists (a
     * redelivered event adds nothing; an entry without a key is always added); returns how many were
     * added.
     */
    public int insertAll(List<NewActivity> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        INSERT INTO activities (activity_type, user_id, market_id, metadata, dedupe_key)
                        SELECT t.type, t.u, t.m, CAST(t.j AS jsonb), t.d
                        FROM unnest(CAST(:types AS text[]), CAST(:users AS uuid[]), CAST(:markets AS uuid[]),
                                    CAST(:metadata AS text[]), CAST(:dedupe AS text[])) AS t(type, u, m, j, d)
                        ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
                        """)
                .param("types", entries.stream().map(NewActivity::activityType).toArray(String[]::new))
                .param("users", entries.stream().map(NewActivity::userId).toArray(UUID[]::new))
                .param("markets", entries.stream().map(NewActivity::marketId).toArray(UUID[]::new))
                .param(
                        "metadata",
                        entries.stream()
                                .map(e -> json.writeValueAsString(e.metadata() == null ? Map.of() : e.metadata()))
                                .toArray(String[]::new))
                .param("dedupe", entries.stream().map(NewActivity::dedupeKey).toArray(String[]::new))
                .update();
    }

    /** The feed, optionally of one market and of some users (null: everyone's). */
    public Page<ActivityRow> feed(UUID marketId, List<UUID> userIds, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (marketId != null) {
            where.append(" AND market_id = :market");
            params.put("market", marketId);
        }
        if (userIds != null) {
            where.append(" AND user_id = ANY(:users)");
            params.put("users", userIds.toArray(UUID[]::new));
        }
        long total = jdbc.sql("SELECT count(*) FROM activities" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ActivityRow> rows = jdbc.sql("SELECT id, activity_type, user_id, market_id, metadata::text, created_at"
                        + " FROM activities" + where + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query((rs, n) -> new ActivityRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        json.readValue(rs.getString(5), new TypeReference<Map<String, Object>>() {}),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
        return Page.of(rows, page, total);
    }
}
