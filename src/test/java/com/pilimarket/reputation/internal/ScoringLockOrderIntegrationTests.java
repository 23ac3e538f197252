package com.pilimarket.reputation.internal;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.shared.platform.Jobs;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reputation scoring and settlement lock user rows in one order, PostgreSQL's (bytewise UUIDs),
 * so they cannot deadlock. The ids are crafted so that Java's signed {@code UUID.compareTo} and
 * PostgreSQL disagree: {@code f000…} sorts first in Java, last in PostgreSQL.
 */
@IntegrationTest
class ScoringLockOrderIntegrationTests {

    @Autowired
    ReputationListeners listeners;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    Markets marketsApi;

    @Autowired
    TestMarkets markets;

    @Autowired
    TestEvents events;

    @Autowired
    com.pilimarket.markets.internal.MarketAdministration administration;

    @Autowired
    Forecasts forecasts;

    @Autowired
    TestUsers users;

    @Autowired
    Jobs jobs;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void invariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    /** A user whose id starts with {@code prefix} (8 hex digits), holding {@code chips}. */
    UUID userWithId(String prefix, long chips) {
        String tail = UUID.randomUUID().toString().substring(8);
        UUID id = UUID.fromString(prefix + tail);
        jdbc.sql("INSERT INTO users (id, email, password_hash, display_name) VALUES (:id, :email, 'x', 'Crafted')")
                .param("id", id)
                .param("email", "crafted-" + id + "@test.ph")
                .update();
        if (chips > 0) {
            ledger.post(Transfer.move("test-grant:" + id, "test grant", Account.MINT, Account.user(id), chips));
        }
        return id;
    }

    @Test
    void scoring_waits_for_the_lowest_user_first_as_the_ledger_does() throws Exception {
        UUID low = userWithId("10000000", 0);
        UUID high = userWithId("f0000000", 0);
        assertThat(high.compareTo(low))
                .as("Java's order differs from PostgreSQL's")
                .isNegative();
        // Stored as settled (not published): the listener is run by hand below.
        SettledBatch event = events.settlement(
                UUID.randomUUID(),
                Instant.now(),
                TestEvents.win(high, 0.4).staked(100, 200),
                TestEvents.win(low, 0.4).staked(100, 200));

        // A settlement (or any ledger post) holds the lower user, as it locks in PostgreSQL's order.
        try (Connection settlement = dataSource.getConnection()) {
            settlement.setAutoCommit(false);
            try (Statement s = settlement.createStatement()) {
                s.execute("SELECT id FROM users WHERE id = '" + low + "' FOR NO KEY UPDATE");
            }
            // As the listener runs it: in a transaction of its own (its events are published on commit).
            CompletableFuture<Void> scoring =
                    CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> listeners.score(event)));
            await("scoring to wait for a user lock", () -> lockWaiters() >= 1 || scoring.isDone());

            // Locking in one order, scoring must not hold the higher user while it waits for the lower one.
            try (Statement s = settlement.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '3s'");
                s.execute("SELECT id FROM users WHERE id = '" + high + "' FOR NO KEY UPDATE");
            }
            settlement.commit();
            scoring.get(30, TimeUnit.SECONDS);
        }
        assertThat(reputation(low)).isPositive();
        assertThat(reputation(high)).isPositive();
        events.awaitListeners();
    }

    @Test
    void two_overlapping_markets_resolved_together_settle_and_score_without_a_deadlock() throws Exception {
        UUID admin = users.admin().id();
        long deadlocksBefore = deadlocks();
        double failuresBefore = jobs.runs("reputation-market-settled", "failure");
        for (int round = 0; round < 3; round++) {
            MarketDetail a = markets.open("Overlap A " + round, "Yes", "No");
            MarketDetail b = markets.open("Overlap B " + round, "Yes", "No");
            List<UUID> people = new ArrayList<>();
            for (String prefix : List.of("10000000", "7fffffff", "80000000", "f0000000", "00000001", "ffffffff")) {
                people.add(userWithId(prefix, 1_000));
            }
            for (int i = 0; i < people.size(); i++) {
                forecasts.place(people.get(i), new PlaceForecast(a.id(), outcome(a, i % 2), 10 + i));
                forecasts.place(people.get(i), new PlaceForecast(b.id(), outcome(b, (i + 1) % 2), 20 + i));
            }
            CompletableFuture<?> ra = CompletableFuture.runAsync(() -> marketsApi.resolve(
                    admin, a.id(), new ResolveMarket(outcome(a, 0), List.of("https://example.ph"), "A")));
            CompletableFuture<?> rb = CompletableFuture.runAsync(() -> administration.cancel(admin, b.id(), "Overlap"));
            CompletableFuture.allOf(ra, rb).get(30, TimeUnit.SECONDS);
            await("both settled and scored", () -> scored(a.id()) && scored(b.id()));
            assertThat(ledger.balanceOf(Account.pool(a.id()))).isZero();
            assertThat(ledger.balanceOf(Account.pool(b.id()))).isZero();
        }
        assertThat(jobs.runs("reputation-market-settled", "failure")).isEqualTo(failuresBefore);
        assertThat(incompletePublications()).isZero();
        // The statistics collector reports deadlocks with a delay of up to a second.
        Thread.sleep(1_500);
        assertThat(deadlocks()).as("deadlocks detected by PostgreSQL").isEqualTo(deadlocksBefore);
    }

    boolean scored(UUID marketId) {
        return jdbc.sql("""
                        SELECT m.settled_at IS NOT NULL
                               AND (SELECT count(*) FROM settled_forecasts s WHERE s.market_id = m.id)
                                   = (SELECT count(*) FROM forecasts f WHERE f.market_id = m.id)
                        FROM markets m WHERE m.id = :m
                        """).param("m", marketId).query(Boolean.class).single();
    }

    long incompletePublications() {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND status = 'FAILED'")
                .query(Long.class)
                .single();
    }

    long deadlocks() {
        return jdbc.sql("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class)
                .single();
    }

    long lockWaiters() {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
                        """).query(Long.class).single();
    }

    double reputation(UUID userId) {
        return jdbc.sql("SELECT reputation FROM users WHERE id = :id")
                .param("id", userId)
                .query(Double.class)
                .single();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
