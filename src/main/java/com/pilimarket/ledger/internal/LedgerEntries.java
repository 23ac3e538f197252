package com.pilimarket.ledger.internal;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.LedgerEntryView;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the ledger. Balances change only here, always together with entries. */
@Repository
public class LedgerEntries {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    LedgerEntries(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    /** One entry to write: the account, the signed amount and the balance right after it. */
    public record EntryRow(Account account, long amount, long balanceAfter) {}

    public Optional<UUID> insertTransaction(Transfer transfer) {
        return jdbc.sql("""
                        INSERT INTO ledger_transactions (reference, reason, metadata)
                        VALUES (:reference, :reason, CAST(:metadata AS jsonb))
                        ON CONFLICT (reference) DO NOTHING
                        RETURNING id
                        """)
                .param("reference", transfer.reference())
                .param("reason", transfer.reason())
                .param("metadata", json.writeValueAsString(transfer.metadata()))
                .query(UUID.class)
                .optional();
    }

    public Optional<UUID> findTransaction(String reference) {
        return jdbc.sql("SELECT id FROM ledger_transactions WHERE reference = :reference")
                .param("reference", reference)
                .query(UUID.class)
                .optional();
    }

    /**
     * Adds to a user's balance unless it would go negative. PostgreSQL re-checks the predicate on
     * the freshest row version under READ COMMITTED, so concurrent debits cannot overdraw.
     */
    public OptionalLong adjustUserBalance(UUID userId, long amount) {
        Optional<Long> balance = jdbc.sql("""
                        UPDATE users SET chips = chips + :amount, updated_at = now()
                        WHERE id = :id AND chips + :amount >= 0
                        RETURNING chips
                        """)
                .param("amount", amount)
                .param("id", userId)
                .query(Long.class)
                .optional();
        return balance.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    public boolean userExists(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE id = :id)")
                .param("id", userId)
                .query(Boolean.class)
                .single();
    }

    public long adjustAccountBalance(Account account, long amount) {
        return jdbc.sql("""
                        INSERT INTO ledger_accounts (code, kind, owner_id, balance)
                        VALUES (:code, :kind, :owner, :amount)
                        ON CONFLICT (code) DO UPDATE SET balance = ledger_accounts.balance + EXCLUDED.balance
                        RETURNING balance
                        """)
                .param("code", account.code())
                .param("kind", kindOf(account))
                .param("owner", account.ownerId(), Types.OTHER)
                .param("amount", amount)
                .query(Long.class)
                .single();
    }

    public void insertEntries(UUID transactionId, List<EntryRow> rows) {
        template.batchUpdate(
                "INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after) VALUES (?, ?, ?, ?, ?)",
                rows,
                rows.size(),
                (ps, row) -> {
                    ps.setObject(1, transactionId);
                    ps.setString(2, row.account().code());
                    ps.setObject(3, row.account().isUser() ? row.account().ownerId() : null, Types.OTHER);
                    ps.setLong(4, row.amount());
                    ps.setLong(5, row.balanceAfter());
                });
    }

    public List<EntryRow> entriesOf(UUID transactionId) {
        return jdbc.sql(
                        "SELECT account, amount, balance_after FROM ledger_entries WHERE transaction_id = :id ORDER BY id")
                .param("id", transactionId)
                .query((rs, n) -> new EntryRow(new Account(rs.getString(1)), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    public long balanceOf(Account account) {
        if (account.isUser()) {
            return jdbc.sql("SELECT chips FROM users WHERE id = :id")
                    .param("id", account.ownerId())
                    .query(Long.class)
                    .optional()
                    .orElse(0L);
        }
        return jdbc.sql("SELECT balance FROM ledger_accounts WHERE code = :code")
                .param("code", account.code())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    public Page<LedgerEntryView> statement(UUID userId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM ledger_entries WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        List<LedgerEntryView> items = jdbc.sql("""
                        SELECT e.id, e.amount, e.balance_after, t.reason, t.reference, e.created_at
                        FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id
                        WHERE e.user_id = :user
                        ORDER BY e.id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .param("user", userId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query((rs, n) -> new LedgerEntryView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        toOffset(rs.getTimestamp(6))))
                .list();
        return Page.of(items, page, total);
    }

    private static OffsetDateTime toOffset(Timestamp timestamp) {
        return timestamp.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String kindOf(Account account) {
        if (account.isPool()) {
            return "market_pool";
        }
        if (Account.MINT.equals(account)) {
            return "mint";
        }
        if (Account.HOUSE.equals(account)) {
            return "house";
        }
        throw new IllegalArgumentException("unknown account " + account);
    }
}
