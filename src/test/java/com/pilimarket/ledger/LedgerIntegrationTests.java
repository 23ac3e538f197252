package com.pilimarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LedgerIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void invariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    UUID userWith(long chips) {
        UUID id = jdbc.sql(
                        "INSERT INTO users (email, password_hash, display_name) VALUES (:e, 'x', 'Test') RETURNING id")
                .param("e", "u" + UUID.randomUUID() + "@test.ph")
                .query(UUID.class)
                .single();
        if (chips > 0) {
            ledger.post(Transfer.move("grant:" + id, "test grant", Account.MINT, Account.user(id), chips));
        }
        return id;
    }

    /**
     * The database's own guard, under the code: entries written by hand must balance per ledger
     * transaction in the statement that writes them, and no entry can be added to a transaction later.
     */
    @Test
    void the_database_refuses_unbalanced_entries_statement_by_statement() {
        UUID balanced = transaction("db-check:balanced");
        jdbc.sql("""
                        INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after)
                        VALUES (:t, 'MINT', NULL, -5, 0), (:t, 'HOUSE', NULL, 5, 0)
                        """).param("t", balanced).update();
        jdbc.sql("UPDATE ledger_accounts SET balance = balance - 5 WHERE code = 'MINT'")
                .update();
        jdbc.sql("""
                        INSERT INTO ledger_accounts (code, kind, balance) VALUES ('HOUSE', 'house', 5)
                        ON CONFLICT (code) DO UPDATE SET balance = ledger_accounts.balance + 5
                        """).update();

        UUID lopsided = transaction("db-check:lopsided");
        assertThatThrownBy(() -> jdbc.sql("""
                                INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after)
                                VALUES (:t, 'MINT', NULL, -5, 0), (:t, 'HOUSE', NULL, 4, 0)
                                """).param("t", lopsided).update())
                .hasMessageContaining("is unbalanced by -1");
        assertThatThrownBy(() -> jdbc.sql("""
                                INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after)
                                VALUES (:t, 'HOUSE', NULL, 1, 0)
                                """).param("t", balanced).update())
                .as("an entry added to a balanced transaction later")
                .hasMessageContaining("is unbalanced by 1");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entries WHERE transaction_id IN (:a, :b)")
                        .param("a", balanced)
                        .param("b", lopsided)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    /**
     * Without a foreign key per entry row (V310), the balance trigger checks once per statement that
     * every entry's ledger transaction exists.
     */
    @Test
    void the_database_refuses_entries_of_a_transaction_that_does_not_exist() {
        UUID missing = UUID.randomUUID();
        assertThatThrownBy(() -> jdbc.sql("""
                                INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after)
                                VALUES (:t, 'MINT', NULL, -5, 0), (:t, 'HOUSE', NULL, 5, 0)
                                """).param("t", missing).update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ledger transaction " + missing + ", which does not exist");
        UUID existing = transaction("db-check:existing");
        assertThatThrownBy(() ->
                        jdbc.sql("""
                                INSERT INTO ledger_entries (transaction_id, account, user_id, amount, balance_after)
                                VALUES (:t, 'MINT', NULL, -5, 0), (:t, 'HOUSE', NULL, 5, 0),
                                       (:m, 'MINT', NULL, -1, 0), (:m, 'HOUSE', NULL, 1, 0)
                                """).param("t", existing).param("m", missing).update())
                .as("one missing transaction among existing ones")
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("which does not exist");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entries WHERE transaction_id IN (:a, :b)")
                        .param("a", missing)
                        .param("b", existing)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private UUID transaction(String reference) {
        return jdbc.sql("INSERT INTO ledger_transactions (reference, reason) VALUES (:r, 'test') RETURNING id")
                .param("r", reference)
                .query(UUID.class)
                .single();
    }

    @Test
    void a_transfer_moves_chips_and_records_balanced_entries() {
        UUID alice = userWith(1_000);
        UUID market = UUID.randomUUID();

        Posted posted =
                ledger.post(Transfer.move("forecast:a:1", "forecast", Account.user(alice), Account.pool(market), 300));

        assertThat(posted.replayed()).isFalse();
        assertThat(posted.balanceOf(alice)).isEqualTo(700);
        assertThat(ledger.balanceOf(Account.user(alice))).isEqualTo(700);
        assertThat(ledger.balanceOf(Account.pool(market))).isEqualTo(300);
        assertThat(ledger.statement(alice, PageQuery.first(10)).items())
                .extracting(LedgerEntryView::amount, LedgerEntryView::balanceAfter, LedgerEntryView::reference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(-300L, 700L, "forecast:a:1"),
                        org.assertj.core.groups.Tuple.tuple(1_000L, 1_000L, "grant:" + alice));
    }

    @Test
    void replaying_a_reference_changes_nothing_and_returns_the_first_result() {
        UUID bob = userWith(500);
        Transfer transfer = Transfer.move("purchase:p1-" + bob, "purchase", Account.MINT, Account.user(bob), 100);

        Posted first = ledger.post(transfer);
        Posted second = ledger.post(transfer);

        assertThat(second.replayed()).isTrue();
        assertThat(second.transactionId()).isEqualTo(first.transactionId());
        assertThat(second.balanceOf(bob)).isEqualTo(600);
        assertThat(ledger.balanceOf(Account.user(bob))).isEqualTo(600);
    }

    @Test
    void a_reference_reused_for_different_postings_is_refused() {
        UUID carol = userWith(500);
        ledger.post(Transfer.move("ref-" + carol, "x", Account.MINT, Account.user(carol), 10));

        assertThatThrownBy(() -> ledger.post(Transfer.move("ref-" + carol, "x", Account.MINT, Account.user(carol), 11)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger.balanceOf(Account.user(carol))).isEqualTo(510);
    }

    @Test
    void an_overdraft_refuses_the_whole_transfer() {
        UUID dan = userWith(100);
        UUID erin = userWith(0);

        assertThatThrownBy(() -> ledger.post(Transfer.builder("split-" + dan, "test")
                        .debit(Account.user(dan), 150)
                        .credit(Account.user(erin), 150)
                        .build()))
                .isInstanceOf(InsufficientChipsException.class);

        assertThat(ledger.balanceOf(Account.user(dan))).isEqualTo(100);
        assertThat(ledger.balanceOf(Account.user(erin))).isZero();
        assertThat(ledger.isPosted("split-" + dan)).isFalse();
    }

    @Test
    void a_pool_cannot_pay_out_more_than_it_holds() {
        UUID frank = userWith(0);
        UUID market = UUID.randomUUID();

        assertThatThrownBy(() -> ledger.post(
                        Transfer.move("payout-" + market, "payout", Account.pool(market), Account.user(frank), 5)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(ledger.balanceOf(Account.user(frank))).isZero();
    }

    @Test
    void fifty_concurrent_debits_of_the_whole_balance_succeed_exactly_once() throws Exception {
        UUID gina = userWith(1_000);
        UUID market = UUID.randomUUID();
        AtomicInteger succeeded = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            tasks.add(() -> {
                try {
                    ledger.post(Transfer.move(
                            "all-in:" + gina + ":" + n, "forecast", Account.user(gina), Account.pool(market), 1_000));
                    succeeded.incrementAndGet();
                } catch (InsufficientChipsException e) {
                    refused.incrementAndGet();
                }
                return null;
            });
        }
        runAll(tasks, 16);

        assertThat(succeeded).hasValue(1);
        assertThat(refused).hasValue(49);
        assertThat(ledger.balanceOf(Account.user(gina))).isZero();
        assertThat(ledger.balanceOf(Account.pool(market))).isEqualTo(1_000);
    }

    @Test
    void concurrent_random_transfers_neither_create_nor_lose_chips() throws Exception {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(userWith(1_000));
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = i;
            tasks.add(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                UUID from = users.get(random.nextInt(users.size()));
                UUID to = users.get(random.nextInt(users.size()));
                if (!from.equals(to)) {
                    try {
                        ledger.post(Transfer.move(
                                "gift:" + n + ":" + from,
                                "gift",
                                Account.user(from),
                                Account.user(to),
                                random.nextLong(1, 400)));
                    } catch (InsufficientChipsException ignored) {
                        // Refused as a whole; the invariants below prove it.
                    }
                }
                return null;
            });
        }
        runAll(tasks, 12);

        long total =
                users.stream().mapToLong(u -> ledger.balanceOf(Account.user(u))).sum();
        assertThat(total).isEqualTo(8_000);
        users.forEach(u -> assertThat(ledger.balanceOf(Account.user(u))).isNotNegative());
    }

    private static void runAll(List<Callable<Void>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
