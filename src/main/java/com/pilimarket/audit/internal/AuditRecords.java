package com.pilimarket.audit.internal;

import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the audit_log table: inserts and reads only (a trigger refuses updates and deletes). */
@Repository
public class AuditRecords {

    /** An arbitrary constant key for {@code pg_advisory_xact_lock}: one lock for the whole chain. */
    private static final long CHAIN_LOCK = 0x5049_4C49_4155_4454L;

    private static final String COLUMNS =
            "id, actor_id, action, target_type, target_id, details::text AS details, ip, request_id, created_at, prev_hash, hash";

    private final JdbcClient jdbc;

    AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row as stored; {@code details} is JSON text. */
    public record StoredRow(
            long id,
            UUID actorId,
            String action,
            String targetType,
            String targetId,
            String details,
            String ip,
            String requestId,
            OffsetDateTime createdAt,
            String prevHash,
            String hash) {

        public StoredRow withDetails(String json) {
            return new StoredRow(
                    id, actorId, action, targetType, targetId, json, ip, requestId, createdAt, prevHash, hash);
        }
    }

    /** Held until the caller's transaction ends, so appends happen one at a time. */
    public void lockChain() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)")
                .param("key", CHAIN_LOCK)
                .query()
                .singleRow();
    }

    public Optional<String> lastHash() {
        return jdbc.sql("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .optional();
    }

    /** What PostgreSQL's jsonb makes of a JSON text, so the hash covers the stored form. */
    public String normalizeJson(String json) {
        return jdbc.sql("SELECT CAST(CAST(:json AS jsonb) AS text)")
                .param("json", json)
                .query(String.class)
                .single();
    }

    public long insert(StoredRow row, String hash) {
        return jdbc.sql("""
                        INSERT INTO audit_log (actor_id, action, target_type, target_id, details, ip, request_id,
                                               created_at, prev_hash, hash)
                        VALUES (:actor, :action, :targetType, :targetId, CAST(:details AS jsonb), :ip, :requestId,
                                :createdAt, :prevHash, :hash)
                        RETURNING id
                        """)
                .param("actor", row.actorId())
                .param("action", row.action())
                .param("targetType", row.targetType())
                .param("targetId", row.targetId())
                .param("details", row.details())
                .param("ip", row.ip())
                .param("requestId", row.requestId())
                .param("createdAt", row.createdAt())
                .param("prevHash", row.prevHash())
                .param("hash", hash)
                .query(Long.class)
                .single();
    }

    public Optional<StoredRow> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE id = :id")
                .param("id", id)
                .query(AuditRecords::map)
                .optional();
    }

    public List<StoredRow> batchAfter(long afterId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE id > :after ORDER BY id LIMIT :limit")
                .param("after", afterId)
                .param("limit", limit)
                .query(AuditRecords::map)
                .list();
    }

    public Page<StoredRow> page(PageQuery page, UUID actorId, String action, String targetId) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (actorId != null) {
            where.add("actor_id = :actor");
            params.put("actor", actorId);
        }
        if (action != null && !action.isBlank()) {
            where.add("action = :action");
            params.put("action", action);
        }
        if (targetId != null && !targetId.isBlank()) {
            where.add("target_id = :targetId");
            params.put("targetId", targetId);
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM audit_log" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<StoredRow> rows = jdbc.sql("SELECT " + COLUMNS + " FROM audit_log" + filter
                        + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(AuditRecords::map)
                .list();
        return Page.of(rows, page, total);
    }

    private static StoredRow map(ResultSet rs, int row) throws SQLException {
        return new StoredRow(
                rs.getLong("id"),
                rs.getObject("actor_id", UUID.class),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("details"),
                rs.getString("ip"),
                rs.getString("request_id"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
