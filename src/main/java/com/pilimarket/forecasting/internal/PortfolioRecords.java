package com.pilimarket.forecasting.internal;

import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Read-only SQL of the portfolio, on the forecasting module's own {@code forecasts} table. */
@Repository
class PortfolioRecords {

    private final JdbcClient jdbc;

    PortfolioRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A pending forecast. */
    record OpenRow(
            UUID id, UUID marketId, UUID outcomeId, long points, double crowdProbability, OffsetDateTime createdAt) {}

    /** A settled forecast (won, lost or refunded). */
    record SettledRow(
            UUID id,
            UUID marketId,
            UUID outcomeId,
            long points,
            String status,
            long payout,
            double crowdProbability,
            OffsetDateTime settledAt) {}

    /** How many forecasts are settled and their profit in all. */
    record Realised(int settled, long profit) {}

    List<OpenRow> open(UUID userId) {
        return jdbc.sql("""
                        SELECT id, market_id, outcome_id, points, crowd_probability, created_at
                        FROM forecasts WHERE user_id = :u AND status = 'pending'
                        """)
                .param("u", userId)
                .query((rs, n) -> new OpenRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("market_id", UUID.class),
                        rs.getObject("outcome_id", UUID.class),
                        rs.getLong("points"),
                        rs.getDouble("crowd_probability"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    Realised realised(UUID userId) {
        return jdbc.sql("""
                        SELECT count(*) AS settled, coalesce(sum(payout - points), 0) AS profit
                        FROM forecasts WHERE user_id = :u AND status <> 'pending'
                        """)
                .param("u", userId)
                .query((rs, n) -> new Realised(rs.getInt("settled"), rs.getLong("profit")))
                .single();
    }

    /** Settled forecasts, the most recently settled first. */
    Page<SettledRow> settled(UUID userId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM forecasts WHERE user_id = :u AND status <> 'pending'")
                .param("u", userId)
                .query(Long.class)
                .single();
        List<SettledRow> rows = jdbc.sql("""
                        SELECT id, market_id, outcome_id, points, status, coalesce(payout, 0) AS payout,
                               crowd_probability, coalesce(settled_at, updated_at) AS settled_at
                        FROM forecasts WHERE user_id = :u AND status <> 'pending'
                        ORDER BY coalesce(settled_at, updated_at) DESC, id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("u", userId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query((rs, n) -> new SettledRow(
                        rs.getObject("id", UUID.class),
                        rs.getObject("market_id", UUID.class),
                        rs.getObject("outcome_id", UUID.class),
                        rs.getLong("points"),
                        rs.getString("status"),
                        rs.getLong("payout"),
                        rs.getDouble("crowd_probability"),
                        rs.getObject("settled_at", OffsetDateTime.class)))
                .list();
        return Page.of(rows, page, total);
    }
}
