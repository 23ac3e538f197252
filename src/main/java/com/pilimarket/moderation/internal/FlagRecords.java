package com.pilimarket.moderation.internal;

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

/**
 * SQL of the {@code flags} table. The review queue also reads the flagged subjects (users, forecasts
 * with their market, purchases) to summarise them: a read-only view across modules' tables.
 */
@Repository
class FlagRecords {

    private final JdbcClient jdbc;

    FlagRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored flag. */
    record FlagRow(
            UUID id,
            SubjectType subjectType,
            UUID subjectId,
            UUID userId,
            String rule,
            String evidence,
            String status,
            UUID clearedBy,
            OffsetDateTime clearedAt,
            String clearedReason,
            OffsetDateTime createdAt) {}

    /**
     * Inserts an open flag unless one is open for the subject and rule (the partial unique index
     * decides under concurrency) or, depending on {@code repeat}, one was ever raised or cleared.
     */
    Optional<UUID> insert(Finding finding, String evidenceJson) {
        String unless = switch (finding.repeat()) {
            case UNLESS_OPEN -> "";
            case UNLESS_CLEARED -> " AND status = 'cleared'";
            case ONCE -> "";
        };
        boolean guard = finding.repeat() != Finding.Repeat.UNLESS_OPEN;
        String sql = "INSERT INTO flags (subject_type, subject_id, user_id, rule, evidence) "
                + "SELECT :type, :subject, :user, :rule, CAST(:evidence AS jsonb) "
                + (guard
                        ? "WHERE NOT EXISTS (SELECT 1 FROM flags WHERE subject_type = :type AND subject_id = :subject"
                                + " AND rule = :rule" + unless + ") "
                        : "")
                + "ON CONFLICT (subject_type, subject_id, rule) WHERE status = 'open' DO NOTHING RETURNING id";
        return jdbc.sql(sql)
                .param("type", finding.subjectType().value())
                .param("subject", finding.subjectId())
                .param("user", finding.userId())
                .param("rule", finding.rule())
                .param("evidence", evidenceJson)
                .query(UUID.class)
                .optional();
    }

    Optional<FlagRow> lock(UUID id) {
        return jdbc.sql("SELECT * FROM flags WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(FlagRecords::row)
                .optional();
    }

    /** Open flags of the same finding on the account's other subjects (its forecasts and purchases). */
    List<FlagRow> lockOpenOfSameFinding(UUID userId, String rule, UUID except) {
        return jdbc.sql("""
                        SELECT * FROM flags
                        WHERE user_id = :user AND rule = :rule AND status = 'open' AND id <> :except
                          AND subject_type <> 'user'
                        ORDER BY created_at, id FOR UPDATE
                        """)
                .param("user", userId)
                .param("rule", rule)
                .param("except", except)
                .query(FlagRecords::row)
                .list();
    }

    /** The open flags on one subject, locked. */
    List<FlagRow> lockOpenOnSubject(SubjectType type, UUID subjectId) {
        return jdbc.sql("""
                        SELECT * FROM flags WHERE subject_type = :type AND subject_id = :id AND status = 'open'
                        ORDER BY created_at, id FOR UPDATE
                        """)
                .param("type", type.value())
                .param("id", subjectId)
                .query(FlagRecords::row)
                .list();
    }

    void clear(UUID id, UUID actorId, String reason) {
        jdbc.sql("""
                        UPDATE flags SET status = 'cleared', cleared_by = :actor, cleared_at = now(), cleared_reason = :reason
                        WHERE id = :id AND status = 'open'
                        """)
                .param("id", id)
                .param("actor", actorId)
                .param("reason", reason)
                .update();
    }

    boolean openOnSubject(SubjectType type, UUID subjectId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM flags WHERE subject_type = :type AND subject_id = :id"
                        + " AND status = 'open')")
                .param("type", type.value())
                .param("id", subjectId)
                .query(Boolean.class)
                .single();
    }

    boolean openOnUser(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM flags WHERE user_id = :user AND status = 'open')")
                .param("user", userId)
                .query(Boolean.class)
                .single();
    }

    /** A flag with what the queue shows about its account and subject. */
    record QueueRow(
            FlagRow flag,
            String userDisplayName,
            String userEmail,
            String userStatus,
            Boolean userFlagged,
            UUID marketId,
            String marketTitle,
            String marketSlug,
            String outcomeName,
            Long forecastPoints,
            Double crowdProbability,
            String forecastStatus,
            Boolean forecastFlagged,
            Long amountCents,
            Long purchaseChips,
            String provider,
            String purchaseStatus,
            Boolean purchaseFlagged) {}

    private static final String QUEUE_SELECT = """
            SELECT fl.*, u.display_name AS u_name, u.email AS u_email, u.status AS u_status, u.is_flagged AS u_flagged,
                   fc.market_id AS fc_market, m.title AS m_title, m.slug AS m_slug, o.name AS o_name,
                   fc.points AS fc_points, fc.crowd_probability AS fc_crowd, fc.status AS fc_status,
                   fc.is_flagged AS fc_flagged,
                   p.amount_cents AS p_amount, p.chips_added AS p_chips, p.provider AS p_provider,
                   p.status AS p_status, p.is_flagged AS p_flagged
            FROM flags fl
            LEFT JOIN user_view u ON u.id = fl.user_id
            LEFT JOIN forecast_view fc ON fl.subject_type = 'forecast' AND fc.id = fl.subject_id
            LEFT JOIN market_view m ON m.id = fc.market_id
            LEFT JOIN outcome_view o ON o.id = fc.outcome_id
            LEFT JOIN purchase_view p ON fl.subject_type = 'purchase' AND p.id = fl.subject_id
            """;

    Page<QueueRow> queue(String status, String rule, UUID userId, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null) {
            where.add("fl.status = :status");
            params.put("status", status);
        }
        if (rule != null) {
            where.add("fl.rule = :rule");
            params.put("rule", rule);
        }
        if (userId != null) {
            where.add("fl.user_id = :user");
            params.put("user", userId);
        }
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        long total = jdbc.sql("SELECT count(*) FROM flags fl" + filter)
                .params(params)
                .query(Long.class)
                .single();
        List<QueueRow> rows = jdbc.sql(
                        QUEUE_SELECT + filter + " ORDER BY fl.created_at DESC, fl.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(FlagRecords::queueRow)
                .list();
        return Page.of(rows, page, total);
    }

    Optional<QueueRow> queueRow(UUID id) {
        return jdbc.sql(QUEUE_SELECT + " WHERE fl.id = :id")
                .param("id", id)
                .query(FlagRecords::queueRow)
                .optional();
    }

    private static QueueRow queueRow(ResultSet rs, int n) throws SQLException {
        return new QueueRow(
                row(rs, n),
                rs.getString("u_name"),
                rs.getString("u_email"),
                rs.getString("u_status"),
                (Boolean) rs.getObject("u_flagged"),
                rs.getObject("fc_market", UUID.class),
                rs.getString("m_title"),
                rs.getString("m_slug"),
                rs.getString("o_name"),
                (Long) rs.getObject("fc_points"),
                (Double) rs.getObject("fc_crowd"),
                rs.getString("fc_status"),
                (Boolean) rs.getObject("fc_flagged"),
                (Long) rs.getObject("p_amount"),
                (Long) rs.getObject("p_chips"),
                rs.getString("p_provider"),
                rs.getString("p_status"),
                (Boolean) rs.getObject("p_flagged"));
    }

    private static FlagRow row(ResultSet rs, int n) throws SQLException {
        return new FlagRow(
                rs.getObject("id", UUID.class),
                SubjectType.of(rs.getString("subject_type")),
                rs.getObject("subject_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("rule"),
                rs.getString("evidence"),
                rs.getString("status"),
                rs.getObject("cleared_by", UUID.class),
                rs.getObject("cleared_at", OffsetDateTime.class),
                rs.getString("cleared_reason"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    List<UUID> marketsOf(java.util.Collection<UUID> forecastIds) {
        return jdbc.sql("SELECT DISTINCT market_id FROM forecast_view WHERE id IN (:ids)")
                .param("ids", List.copyOf(forecastIds))
                .query(UUID.class)
                .list();
    }

    long countOpen() {
        return jdbc.sql("SELECT count(*) FROM flags WHERE status = 'open'")
                .query(Long.class)
                .single();
    }

    Map<String, Long> openByRule() {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.sql("SELECT rule, count(*) FROM flags WHERE status = 'open' GROUP BY rule ORDER BY rule")
                .query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
                .list();
        return result;
    }
}
