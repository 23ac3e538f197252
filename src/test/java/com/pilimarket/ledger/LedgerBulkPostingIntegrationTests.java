package com.pilimarket.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestUsers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Ledger#postAll} in bulk behaves exactly like posting the same transfers one by one. */
@IntegrationTest
class LedgerBulkPostingIntegrationTests {

    @Autowired
    Ledger ledger;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestUsers users;

    @AfterEach
    void invariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    /** A user holding {@code chips}, granted through the ledger by the shared fixture. */
    UUID userWith(long chips) {
        return users.create(chips).id();
    }

    @Test
    void a_pool_can_pay_out_what_it_holds() {
        UUID alice = userWith(500);
        UUID market = UUID.randomUUID();
        ledger.post(Transfer.move("in:" + market, "forecast", Account.user(alice), Account.pool(market), 300));

        ledger.post(Transfer.move("out:" + market, "payout", Account.pool(market), Account.user(alice), 300));

        assertThat(ledger.balanceOf(Account.pool(market))).isZero();
        assertThat(ledger.balanceOf(Account.user(alice))).isEqualTo(500);
    }

    @Test
    void bulk_posting_gives_every_entry_the_balance_right_after_it() {
        UUID alice = userWith(1_000);
        UUID bob = userWith(0);
        UUID market = UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        List<Transfer> transfers = List.of(
                Transfer.move("b1:" + run, "forecast", Account.user(alice), Account.pool(market), 400),
                Transfer.move("b2:" + run, "payout", Account.pool(market), Account.user(bob), 150),
                Transfer.move("b3:" + run, "payout", Account.pool(market), Account.user(alice), 50),
                Transfer.move("b4:" + run, "house", Account.pool(market), Account.HOUSE, 200));

        List<Posted> posted = ledger.postAll(transfers);

        assertThat(posted).extracting(Posted::replayed).containsOnly(false);
        assertThat(posted.get(0).balanceOf(alice)).isEqualTo(600);
        assertThat(posted.get(1).balanceOf(bob)).isEqualTo(150);
        assertThat(posted.get(2).balanceOf(alice)).isEqualTo(650);
        assertThat(ledger.balanceOf(Account.user(alice))).isEqualTo(650);
        assertThat(ledger.balanceOf(Account.user(bob))).isEqualTo(150);
        assertThat(ledger.balanceOf(Account.pool(market))).isZero();
        assertThat(ledger.statement(alice, PageQuery.first(10)).items())
                .extracting(LedgerEntryView::amount, LedgerEntryView::balanceAfter)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(50L, 650L),
                        org.assertj.core.groups.Tuple.tuple(-400L, 600L),
                        org.assertj.core.groups.Tuple.tuple(1_000L, 1_000L));
        List<Long> poolAfter = jdbc.sql("SELECT balance_after FROM ledger_entries WHERE account = :a ORDER BY id")
                .param("a", Account.pool(market).code())
                .query(Long.class)
                .list();
        assertThat(poolAfter).containsExactly(400L, 250L, 200L, 0L);
    }

    @Test
    void bulk_posting_replays_references_posted_before_and_changes_nothing_for_them() {
        UUID carol = userWith(100);
        String run = UUID.randomUUID().toString();
        Transfer first = Transfer.move("r1:" + run, "grant", Account.MINT, Account.user(carol), 10);
        Posted earlier = ledger.post(first);

        List<Posted> posted = ledger.postAll(
                List.of(first, Transfer.move("r2:" + run, "grant", Account.MINT, Account.user(carol), 5)));

        assertThat(posted.get(0).replayed()).isTrue();
        assertThat(posted.get(0).transactionId()).isEqualTo(earlier.transactionId());
        assertThat(posted.get(1).balanceOf(carol)).isEqualTo(115);
        assertThat(ledger.balanceOf(Account.user(carol))).isEqualTo(115);
    }

    @Test
    void an_overdraft_anywhere_in_the_sequence_refuses_the_whole_batch() {
        UUID dan = userWith(100);
        UUID erin = userWith(0);
        String run = UUID.randomUUID().toString();
        // Net of the batch is fine (+50), but the first transfer overdraws at its point in the sequence.
        List<Transfer> transfers = List.of(
                Transfer.move("o1:" + run, "x", Account.user(dan), Account.user(erin), 150),
                Transfer.move("o2:" + run, "x", Account.MINT, Account.user(dan), 200));

        assertThatThrownBy(() -> ledger.postAll(transfers)).isInstanceOf(InsufficientChipsException.class);

        assertThat(ledger.balanceOf(Account.user(dan))).isEqualTo(100);
        assertThat(ledger.balanceOf(Account.user(erin))).isZero();
        assertThat(ledger.isPosted("o1:" + run)).isFalse();
        assertThat(ledger.isPosted("o2:" + run)).isFalse();
    }

    @Test
    void a_pool_cannot_pay_out_more_than_it_holds_in_bulk_either() {
        UUID frank = userWith(100);
        UUID gina = userWith(0);
        UUID market = UUID.randomUUID();
        ledger.post(Transfer.move("p0:" + market, "forecast", Account.user(frank), Account.pool(market), 100));

        assertThatThrownBy(() -> ledger.postAll(List.of(
                        Transfer.move("p1:" + market, "payout", Account.pool(market), Account.user(gina), 60),
                        Transfer.move("p2:" + market, "payout", Account.pool(market), Account.user(frank), 60))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(ledger.balanceOf(Account.pool(market))).isEqualTo(100);
    }

    @Test
    void credits_to_new_and_existing_pools_post_in_one_statement_with_the_balance_right_after_each() {
        UUID ann = userWith(100);
        UUID existing = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        ledger.post(Transfer.move("c0:" + existing, "forecast", Account.user(ann), Account.pool(existing), 10));
        String run = UUID.randomUUID().toString();

        List<Posted> posted = ledger.postAll(List.of(
                Transfer.move("c1:" + run, "forecast", Account.user(ann), Account.pool(fresh), 20),
                Transfer.move("c2:" + run, "forecast", Account.user(ann), Account.pool(existing), 30),
                Transfer.move("c3:" + run, "forecast", Account.user(ann), Account.pool(fresh), 5),
                Transfer.move("c4:" + run, "fee", Account.user(ann), Account.HOUSE, 1)));

        assertThat(posted.get(2).balanceOf(ann)).isEqualTo(35);
        assertThat(ledger.balanceOf(Account.pool(existing))).isEqualTo(40);
        assertThat(ledger.balanceOf(Account.pool(fresh))).isEqualTo(25);
        assertThat(jdbc.sql("SELECT balance_after FROM ledger_entries WHERE account = :a ORDER BY id")
                        .param("a", Account.pool(fresh).code())
                        .query(Long.class)
                        .list())
                .containsExactly(20L, 25L);
        assertThat(jdbc.sql("SELECT balance_after FROM ledger_entries WHERE account = :a ORDER BY id")
                        .param("a", Account.pool(existing).code())
                        .query(Long.class)
                        .list())
                .containsExactly(10L, 40L);
    }

    /**
     * Bulk credits lock (or create) their accounts in the order single posts do. Pools whose ids sort
     * differently in Java's signed order and PostgreSQL's byte order, some created by the first
     * transfer into them, are credited at once by bulk and single posts in shuffled orders: a deadlock
     * would fail a task, and the chips must all be where they went.
     */
    @Test
    void concurrent_bulk_and_single_credits_over_the_same_pools_neither_deadlock_nor_lose_chips() throws Exception {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(userWith(1_000));
        }
        String suffix = UUID.randomUUID().toString().substring(24);
        List<UUID> pools = new ArrayList<>();
        for (String prefix : List.of("10000000", "70000000", "80000000", "f0000000")) {
            pools.add(UUID.fromString(prefix + "-0000-4000-8000-" + suffix));
        }
        for (int i = 0; i < 4; i++) {
            pools.add(UUID.randomUUID());
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            tasks.add(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                List<UUID> shuffled = new ArrayList<>(pools);
                Collections.shuffle(shuffled, random);
                List<UUID> some = shuffled.subList(0, 2 + random.nextInt(4));
                UUID from = people.get(random.nextInt(people.size()));
                if (n % 2 == 0) {
                    List<Transfer> transfers = new ArrayList<>();
                    for (UUID pool : some) {
                        transfers.add(Transfer.move(
                                "cc:" + n + ":" + pool, "forecast", Account.user(from), Account.pool(pool), 1));
                    }
                    ledger.postAll(transfers);
                } else {
                    // One transfer with a leg into each pool: a single post locks them in Account order.
                    Transfer.Builder spread = Transfer.builder("cc:" + n, "forecast");
                    some.forEach(pool -> spread.credit(Account.pool(pool), 1));
                    ledger.post(spread.debit(Account.user(from), some.size()).build());
                }
                return null;
            });
        }
        ExecutorService executor = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> task : executor.invokeAll(tasks)) {
                task.get();
            }
        } finally {
            executor.shutdown();
        }

        long inPools = pools.stream()
                .mapToLong(pool -> ledger.balanceOf(Account.pool(pool)))
                .sum();
        long withPeople = people.stream()
                .mapToLong(id -> ledger.balanceOf(Account.user(id)))
                .sum();
        assertThat(inPools).isPositive();
        assertThat(inPools + withPeople).isEqualTo(8_000);
    }

    @Test
    void a_thousand_transfers_post_in_one_call() {
        UUID market = UUID.randomUUID();
        List<UUID> people = new ArrayList<>();
        List<Transfer> in = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            UUID id = userWith(0);
            people.add(id);
            in.add(Transfer.move("m:" + id, "grant", Account.MINT, Account.user(id), 10));
        }
        ledger.postAll(in);
        List<Transfer> out = new ArrayList<>();
        for (UUID id : people) {
            out.add(Transfer.move("f:" + id, "forecast", Account.user(id), Account.pool(market), 10));
        }

        ledger.postAll(out);

        assertThat(ledger.balanceOf(Account.pool(market))).isEqualTo(10_000);
        assertThat(people)
                .allSatisfy(id -> assertThat(ledger.balanceOf(Account.user(id))).isZero());
    }
}
