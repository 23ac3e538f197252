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
        return jdbc.sql("""
                        INSERT INTO activities (activity_type, user_id, market_id, metadata, dedupe_key)
                        VALUES (:type, :user, :market, CAST(:metadata AS jsonb), :dedupe)
                        ON CONFLICT (dedupe_key) DO NOTHING
                        """)
                        .param("type", activityType)
                        .param("user", userId)
                        .param("market", marketId)
                        .param("metadata", json.writeValueAsString(metadata == null ? Map.of() : metadata))
                        .param("dedupe", dedupeKey)
                        .update()
                == 1;
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
