package com.pilimarket.ledger.internal;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.LedgerEntryView;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL of the ledger. Balances change only here, always together with entries. It stays one class
 * of about 300 lines because it is the ledger's SQL and nothing else, and its money statements (the
 * balance guards, the user lock order, the bulk writes the V60 trigger checks) are safest read together.
 */
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

    /** Inserts many transactions at once; returns the ids of those whose reference was new. */
    public Map<String, UUID> insertTransactions(List<Transfer> transfers) {
        String[] references = new String[transfers.size()];
        String[] reasons = new String[transfers.size()];
        String[] metadata = new String[transfers.size()];
        for (int i = 0; i < transfers.size(); i++) {
            Transfer transfer = transfers.get(i);
            references[i] = transfer.reference();
            reasons[i] = transfer.reason();
            metadata[i] = json.writeValueAsString(transfer.metadata());
        }
        Map<String, UUID> ids = new HashMap<>();
        template.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                            INSERT INTO ledger_transactions (reference, reason, metadata)
                            SELECT r, s, CAST(m AS jsonb) FROM unnest(?::text[], ?::text[], ?::text[]) AS t(r, s, m)
                            ON CONFLICT (reference) DO NOTHING
                            RETURNING id, reference
                            """);
                    ps.setArray(1, con.createArrayOf("text", references));
                    ps.setArray(2, con.createArrayOf("text", reasons));
                    ps.setArray(3, con.createArrayOf("text", metadata));
                    return ps;
                },
                rs -> {
                    ids.put(rs.getString(2), rs.getObject(1, UUID.class));
                });
        return ids;
    }

    /**
     * Locks the users in id order, then adds each one's net amount unless it would take the balance
     * below zero. Returns the balances after; a user missing from the result was refused (or does not
     * exist).
     */
    public Map<UUID, Long> adjustUserBalances(Map<UUID, Long> amounts) {
        UUID[] ids = amounts.keySet().toArray(UUID[]::new);
        Long[] deltas = amounts.values().toArray(Long[]::new);
        template.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "SELECT id FROM users WHERE id = ANY(?::uuid[]) ORDER BY id FOR NO KEY UPDATE");
                    ps.setArray(1, con.createArrayOf("uuid", ids));
                    return ps;
                },
                rs -> {});
        Map<UUID, Long> balances = new HashMap<>();
        template.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                            UPDATE users u SET chips = u.chips + d.amount, updated_at = now()
                            FROM unnest(?::uuid[], ?::bigint[]) AS d(id, amount)
                            WHERE u.id = d.id AND u.chips + d.amount >= 0
                            RETURNING u.id, u.chips
                            """);
                    ps.setArray(1, con.createArrayOf("uuid", ids));
                    ps.setArray(2, con.createArrayOf("bigint", deltas));
                    return ps;
                },
                rs -> {
                    balances.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return balances;
    }

    /**
     * Writes many entries in one statement; {@code transactionIds} and {@code rows} run in
     * parallel. All entries of a ledger transaction must be in the same call: the database checks
     * after each statement that every transaction it touched balances (V60).
     */
    public void insertEntriesBulk(List<UUID> transactionIds, List<EntryRow> rows) {
        int n = rows.size();
        UUID[] transactions = transactionIds.toArray(UUID[]::new);
        String[] accounts = new String[n];
        UUID[] users = new UUID[n];
        Long[] amounts = new Long[n];
        Long[] balances = new Long[n];
        for (int i = 0; i < n; i++) {
            EntryRow row = rows.get(i);
            accounts[i] = row.account().code();
            users[i] = row.account().isUser() ? row.account().ownerId() : null;
            amounts[i] = row.amount();
            balances[i] = row.balanceAfter();
        }
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after)
                    SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::bigint[], ?::bigint[])
                    """);
            ps.setArray(1, con.createArrayOf("uuid", transactions));
            ps.setArray(2, con.createArrayOf("text", accounts));
            ps.setArray(3, con.createArrayOf("uuid", users));
            ps.setArray(4, con.createArrayOf("bigint", amounts));
            ps.setArray(5, con.createArrayOf("bigint", balances));
            return ps;
        });
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

    /**
     * Adds to a system or pool account, creating it on first use. The UPDATE comes first because
     * PostgreSQL checks an INSERT's proposed row against the CHECK constraints before ON CONFLICT
     * turns it into an update: a debit would otherwise always fail on a pool or the house.
     */
    public long adjustAccountBalance(Account account, long amount) {
        Optional<Long> updated = jdbc.sql(
                        "UPDATE ledger_accounts SET balance = balance + :amount WHERE code = :code RETURNING balance")
                .param("amount", amount)
                .param("code", account.code())
                .query(Long.class)
                .optional();
        if (updated.isPresent()) {
            return updated.get();
        }
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

    /**
     * Credits system and pool accounts (every amount zero or more) in one statement, creating those
     * used for the first time, and returns each balance after. Rows are upserted in Account order
     * ({@code COLLATE "C"} is Java's order for these ASCII codes), so each account is created or
     * locked in the order {@link #adjustAccountBalance} and the user locks follow: no deadlock. A
     * debit cannot come this way: the proposed row of an upsert meets the CHECK constraints first.
     */
    public Map<Account, Long> creditAccounts(SortedMap<Account, Long> amounts) {
        int n = amounts.size();
        String[] codes = new String[n];
        String[] kinds = new String[n];
        UUID[] owners = new UUID[n];
        Long[] credits = new Long[n];
        int i = 0;
        for (Map.Entry<Account, Long> entry : amounts.entrySet()) {
            Account account = entry.getKey();
            if (entry.getValue() < 0) {
                throw new IllegalArgumentException("a debit of " + account + " is not a credit");
            }
            codes[i] = account.code();
            kinds[i] = kindOf(account);
            owners[i] = account.isPool() ? account.ownerId() : null;
            credits[i] = entry.getValue();
            i++;
        }
        Map<Account, Long> balances = new HashMap<>();
        template.query(
                con -> {
                    PreparedStatement ps = con.prepareStatement("""
                            INSERT INTO ledger_accounts (code, kind, owner_id, balance)
                            SELECT * FROM unnest(?::text[], ?::text[], ?::uuid[], ?::bigint[]) AS d(code, kind, owner, amount)
                            ORDER BY d.code COLLATE "C"
                            ON CONFLICT (code) DO UPDATE SET balance = ledger_accounts.balance + EXCLUDED.balance
                            RETURNING code, balance
                            """);
                    ps.setArray(1, con.createArrayOf("text", codes));
                    ps.setArray(2, con.createArrayOf("text", kinds));
                    ps.setArray(3, con.createArrayOf("uuid", owners));
                    ps.setArray(4, con.createArrayOf("bigint", credits));
                    return ps;
                },
                rs -> {
                    balances.put(new Account(rs.getString(1)), rs.getLong(2));
                });
        return balances;
    }

    /** Writes one transaction's entries in one statement (the balance check runs per statement). */
    public void insertEntries(UUID transactionId, List<EntryRow> rows) {
        insertEntriesBulk(Collections.nCopies(rows.size(), transactionId), rows);
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

    /** Chips held by users, market pools and the house, and minted in total (MINT's balance, negated). */
    public long[] circulation() {
        long users = jdbc.sql("SELECT coalesce(sum(chips), 0) FROM users")
                .query(Long.class)
                .single();
        Map<String, Long> byKind = new HashMap<>();
        jdbc.sql("SELECT kind, coalesce(sum(balance), 0) FROM ledger_accounts GROUP BY kind")
                .query((rs, n) -> byKind.put(rs.getString(1), rs.getLong(2)))
                .list();
        return new long[] {
            users,
            byKind.getOrDefault("market_pool", 0L),
            byKind.getOrDefault("house", 0L),
            -byKind.getOrDefault("mint", 0L)
        };
    }

    public Page<LedgerEntryView> statement(UUID userId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM ledger_entries WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        List<LedgerEntryView> items = jdbc.sql("""
                        SELECT e.id, e.amount, e.balance_after, t.reason, t.reference, e.created_at,
                               t.metadata ->> 'market_id'
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
                        LedgerEntryView.codeOf(rs.getString(4)),
                        rs.getString(5),
                        toOffset(rs.getTimestamp(6)),
                        rs.getString(7) == null ? null : UUID.fromString(rs.getString(7))))
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
