package com.pilimarket.forecasting.internal;

import com.pilimarket.shared.InvariantCheck;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PRODUCT.md §2 invariants 3 and 4: while a market takes or holds stakes (open, suspended, closed) its
 * pool balance = Σ outcome totals = the market's total = Σ forecast points, and its forecaster count
 * is its number of forecasts; once settled its pool is exactly zero, nothing is pending, and
 * Σ payouts + the house's share = Σ stakes. A resolved or cancelled market must be settled within
 * {@link #UNSETTLED_AFTER_MINUTES} minutes.
 */
@Component
class PoolInvariantCheck implements InvariantCheck {

    /** How long a resolved or cancelled market may stay unsettled before it counts as stuck. */
    static final int UNSETTLED_AFTER_MINUTES = 5;

    private final JdbcClient jdbc;

    PoolInvariantCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "market pools";
    }

    @Override
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        jdbc.sql("""
                        SELECT m.id, m.total_points, coalesce(o.total, 0), coalesce(f.total, 0), coalesce(a.balance, 0),
                               m.forecaster_count, coalesce(f.n, 0)
                        FROM market_view m
                        LEFT JOIN (SELECT market_id, sum(total_points) AS total FROM outcome_view GROUP BY market_id) o
                               ON o.market_id = m.id
                        LEFT JOIN (SELECT market_id, sum(points) AS total, count(*) AS n FROM forecasts GROUP BY market_id) f
                               ON f.market_id = m.id
                        LEFT JOIN ledger_balance_view a ON a.code = 'pool:' || m.id
                        WHERE m.status IN ('open', 'suspended', 'closed')
                          AND NOT (m.total_points = coalesce(o.total, 0) AND m.total_points = coalesce(f.total, 0)
                                   AND m.total_points = coalesce(a.balance, 0) AND m.forecaster_count = coalesce(f.n, 0))
                        LIMIT 20
                        """)
                .query((rs, n) -> "market " + rs.getString(1) + ": total " + rs.getLong(2) + ", outcomes "
                        + rs.getLong(3) + ", forecasts " + rs.getLong(4) + ", pool " + rs.getLong(5)
                        + ", forecasters " + rs.getInt(6) + " vs " + rs.getLong(7))
                .list()
                .forEach(violations::add);
        jdbc.sql("""
                        SELECT m.id, coalesce(a.balance, 0), coalesce(f.staked, 0), coalesce(f.paid, 0),
                               coalesce(h.amount, 0), coalesce(f.pending, 0)
                        FROM market_view m
                        LEFT JOIN ledger_balance_view a ON a.code = 'pool:' || m.id
                        LEFT JOIN (SELECT market_id, sum(points) AS staked, sum(coalesce(payout, 0)) AS paid,
                                          count(*) FILTER (WHERE status = 'pending') AS pending
                                   FROM forecasts GROUP BY market_id) f ON f.market_id = m.id
                        LEFT JOIN (SELECT reference, amount FROM ledger_posting_view
                                   WHERE account = 'HOUSE' AND reference LIKE 'house:%') h ON h.reference = 'house:' || m.id
                        WHERE m.settled_at IS NOT NULL
                          AND (coalesce(a.balance, 0) <> 0 OR coalesce(f.pending, 0) <> 0
                               OR coalesce(f.paid, 0) + coalesce(h.amount, 0) <> coalesce(f.staked, 0))
                        LIMIT 20
                        """)
                .query((rs, n) -> "settled market " + rs.getString(1) + ": pool " + rs.getLong(2) + ", staked "
                        + rs.getLong(3) + ", paid " + rs.getLong(4) + ", house " + rs.getLong(5) + ", pending "
                        + rs.getLong(6))
                .list()
                .forEach(violations::add);
        // A final market is settled within seconds (asynchronously, retried on failure); one still
        // unsettled after a few minutes has its pool stuck, whatever the sums above say.
        jdbc.sql("""
                        SELECT m.id, m.status, coalesce(m.resolution_time, m.cancelled_at) AS final_at,
                               (SELECT count(*) FROM forecasts f WHERE f.market_id = m.id AND f.status = 'pending')
                        FROM market_view m
                        WHERE m.status IN ('resolved', 'cancelled') AND m.settled_at IS NULL
                          AND coalesce(m.resolution_time, m.cancelled_at) < now() - make_interval(mins => :minutes)
                        ORDER BY 3
                        LIMIT 20
                        """)
                .param("minutes", UNSETTLED_AFTER_MINUTES)
                .query((rs, n) -> rs.getString(2) + " market " + rs.getString(1) + " unsettled since "
                        + rs.getObject(3, OffsetDateTime.class) + " (" + rs.getLong(4) + " forecasts pending)")
                .list()
                .forEach(violations::add);
        return violations;
    }
}
