package com.pilimarket.ledger.internal;

import com.pilimarket.shared.InvariantCheck;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PRODUCT.md §2 invariants 1 and 2: all entries sum to zero (and so does each transaction), every
 * user's cached {@code chips} equals the sum of their entries, and so does every other account.
 */
@Component
class LedgerInvariantCheck implements InvariantCheck {

    private final JdbcClient jdbc;

    LedgerInvariantCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "ledger";
    }

    @Override
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        long total = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM ledger_entries")
                .query(Long.class)
                .single();
        if (total != 0) {
            violations.add("all ledger entries sum to " + total + ", not 0");
        }
        jdbc.sql(
                        "SELECT transaction_id, sum(amount) FROM ledger_entries GROUP BY transaction_id HAVING sum(amount) <> 0 LIMIT 20")
                .query((rs, n) -> "transaction " + rs.getString(1) + " is unbalanced by " + rs.getLong(2))
                .list()
                .forEach(violations::add);
        jdbc.sql("""
                        SELECT u.id, u.chips, coalesce(e.total, 0)
                        FROM users u
                        LEFT JOIN (SELECT user_id, sum(amount) AS total FROM ledger_entries
                                   WHERE user_id IS NOT NULL GROUP BY user_id) e ON e.user_id = u.id
                        WHERE u.chips <> coalesce(e.total, 0) OR u.chips < 0
                        LIMIT 20
                        """)
                .query((rs, n) -> "user " + rs.getString(1) + " has chips " + rs.getLong(2) + " but entries sum to "
                        + rs.getLong(3))
                .list()
                .forEach(violations::add);
        jdbc.sql("""
                        SELECT a.code, a.balance, coalesce(e.total, 0)
                        FROM ledger_accounts a
                        LEFT JOIN (SELECT account, sum(amount) AS total FROM ledger_entries
                                   WHERE user_id IS NULL GROUP BY account) e ON e.account = a.code
                        WHERE a.balance <> coalesce(e.total, 0)
                        LIMIT 20
                        """)
                .query((rs, n) -> "account " + rs.getString(1) + " has balance " + rs.getLong(2)
                        + " but entries sum to " + rs.getLong(3))
                .list()
                .forEach(violations::add);
        return violations;
    }
}
