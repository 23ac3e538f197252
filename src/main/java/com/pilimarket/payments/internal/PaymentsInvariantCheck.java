package com.pilimarket.payments.internal;

import com.pilimarket.shared.InvariantCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Purchases and the ledger agree: a purchase that was ever completed has exactly one
 * {@code purchase:{id}} transaction crediting its chips to its buyer; one never completed has none;
 * a reversal debited exactly {@code chips_reversed} and, with the debt, accounts for all the chips.
 * Reads the ledger's tables directly (read-only) because the check must see both sides in one snapshot.
 */
@Component
class PaymentsInvariantCheck implements InvariantCheck {

    private final JdbcClient jdbc;

    PaymentsInvariantCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "payments";
    }

    @Override
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        jdbc.sql("""
                        SELECT p.id, p.status, p.chips_added, count(DISTINCT e.transaction_id) AS transactions,
                               coalesce(sum(e.amount) FILTER (WHERE e.user_id = p.user_id), 0) AS credited
                        FROM purchases p
                        LEFT JOIN ledger_posting_view e ON e.reference = 'purchase:' || p.id
                        GROUP BY p.id
                        HAVING (p.completed_at IS NOT NULL
                                    AND (count(DISTINCT e.transaction_id) <> 1
                                         OR coalesce(sum(e.amount) FILTER (WHERE e.user_id = p.user_id), 0) <> p.chips_added))
                            OR (p.completed_at IS NULL AND count(e.transaction_id) > 0)
                            OR (p.status = 'completed' AND p.completed_at IS NULL)
                        LIMIT 20
                        """)
                .query((rs, n) -> "purchase " + rs.getString(1) + " (" + rs.getString(2) + ", " + rs.getLong(3)
                        + " chips) has " + rs.getLong(4) + " purchase ledger entries crediting " + rs.getLong(5))
                .list()
                .forEach(violations::add);
        jdbc.sql("""
                        SELECT p.id, p.status, p.chips_reversed, p.debt_recorded, p.chips_added,
                               coalesce(-sum(e.amount) FILTER (WHERE e.user_id = p.user_id), 0) AS debited
                        FROM purchases p
                        LEFT JOIN ledger_posting_view e ON e.reference = 'purchase-reversal:' || p.id
                        GROUP BY p.id
                        HAVING coalesce(-sum(e.amount) FILTER (WHERE e.user_id = p.user_id), 0) <> p.chips_reversed
                            OR (p.status IN ('refunded', 'disputed') AND p.completed_at IS NOT NULL
                                AND p.chips_reversed + p.debt_recorded <> p.chips_added)
                            OR (p.status IN ('pending', 'completed', 'failed')
                                AND (p.chips_reversed <> 0 OR p.debt_recorded <> 0))
                        LIMIT 20
                        """)
                .query((rs, n) -> "purchase " + rs.getString(1) + " (" + rs.getString(2) + ") reversed "
                        + rs.getLong(3) + " + debt " + rs.getLong(4) + " of " + rs.getLong(5)
                        + " chips, but the ledger debited " + rs.getLong(6))
                .list()
                .forEach(violations::add);
        return violations;
    }
}
