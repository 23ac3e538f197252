package com.pilimarket.support;

import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Waits until the application's durable event listeners have run, and builds settlements in one line:
 * {@code events.settleAndWait(market, now, win(user, 0.2))}.
 *
 * <p>Spring Modulith's {@link org.springframework.modulith.test.Scenario} ({@link IntegrationTest} enables it as
 * a test method parameter) publishes an event in a transaction and waits for <em>one expected</em> state
 * change or event; use it when a test waits for a particular outcome. It cannot say "every listener is done":
 *
 * <ul>
 *   <li>Tests that assert something did <em>not</em> happen (no notification, no second payout) have no
 *       state to wait for, and chains (a listener publishing the next event) have several.
 *   <li>{@code andWaitForEventOfType} sees only events published on the test's thread (a thread-bound,
 *       inheritable listener); our {@code @ApplicationModuleListener}s run on the task executor's pooled
 *       threads, so the events they publish in turn are not seen.
 *   <li>Modulith's {@code EventPublicationRegistry.findIncompletePublications()} returns every publication
 *       without a completion date, and its JDBC repository does not read the status column, so one that
 *       already {@code FAILED} looks like one still to run (a test that provokes a failure would wait
 *       forever).
 * </ul>
 *
 * <p>So {@link #awaitListeners()} polls the publication table for work still to run. The settlement builders
 * are forecasting fixtures, which Modulith cannot know.
 */
@Component
public class TestEvents {

    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Ledger ledger;

    public TestEvents(
            ApplicationEventPublisher publisher, TransactionTemplate transactions, JdbcClient jdbc, Ledger ledger) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    /**
     * Publishes {@code event} the way its owner does (inside a transaction, so durable listeners get it) and
     * waits until every durable listener (and whatever they published) has finished.
     */
    public void publishAndWait(Object event) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
        awaitListeners();
    }

    /**
     * Waits until no placement is waiting in the placement feed, no settled forecast is waiting for the
     * board step (reputation's {@code board_pending}, added after {@code ForecastsScored}) and no event
     * publication is still to be processed (one statement: the feed's drain deletes its rows and stores
     * its publications in one transaction; scoring marks forecasts pending and publishes the event that
     * adds them in its transactions). Publications that already failed are not waited for (a test that cares asserts on
     * what the listener should have done).
     */
    public void awaitListeners() {
        awaitListeners(true);
    }

    /**
     * Publishes {@code event} in a transaction and waits for the listeners as {@link #publishAndWait}
     * does, except for the board step: settled forecasts may stay pending for the boards.
     */
    public void publishAndWaitLeavingBoardsPending(Object event) {
        transactions.executeWithoutResult(status -> publisher.publishEvent(event));
        awaitListeners(false);
    }

    private void awaitListeners(boolean boardStepToo) {
        String boardPending = boardStepToo ? " + (SELECT count(*) FROM board_pending)" : "";
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                // The first check at once: without a poll delay Awaitility waits one interval before it, so
                // every call cost at least 50 ms even when nothing was left to run (the usual case).
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("SELECT (SELECT count(*) FROM placement_feed)"
                                        + boardPending
                                        + " + (SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                        + " AND coalesce(status, '') <> 'FAILED')")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** Stores a {@link #settlement} and publishes it, then waits for the listeners. */
    public SettledBatch settleAndWait(UUID marketId, Instant at, Result... results) {
        SettledBatch event = settlement(marketId, at, results);
        publishAndWait(event);
        return event;
    }

    /**
     * Stores a settled market {@code marketId} with the given results, settled at {@code at}, and
     * returns its {@link SettledBatch} (not published): all of them in one batch. The event carries only
     * the forecasts' ids (listeners read them from forecasting), so they are stored as settlement leaves them: the market
     * resolved and settled (in the results' one category, created when the first result says), a winning and a losing
     * outcome, one settled forecast per result. The fixture stands for a settlement's outcome, not its
     * payments: instead of stakes and payouts through the pool, the house's {@code house:{market}}
     * transfer takes (or gives) the difference between the stakes and the payouts, so the pool
     * invariants hold with the results' made-up payouts.
     */
    public SettledBatch settlement(UUID marketId, Instant at, Result... results) {
        String category = results.length == 0 ? "sports" : results[0].category;
        if (Arrays.stream(results).anyMatch(r -> !r.category.equals(category))) {
            throw new IllegalArgumentException("a market has one category: settle each category's results apart");
        }
        Instant marketCreatedAt = Arrays.stream(results)
                .map(r -> r.marketCreatedAt)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(at.minusSeconds(10 * 86_400));
        UUID winner = UUID.randomUUID();
        UUID loser = UUID.randomUUID();
        long pool = Arrays.stream(results).mapToLong(r -> r.stake).sum();
        long paid = Arrays.stream(results).mapToLong(r -> r.payout).sum();
        boolean refunded = results.length > 0 && Arrays.stream(results).allMatch(r -> r.refunded);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO markets (id, title, slug, category, status, closes_at, resolution_outcome,
                                                 resolution_time, settled_at, total_points, forecaster_count, created_at)
                            VALUES (:id, :title, :slug, :category, 'resolved', :at, :winner, :at, :at, :pool, :n, :created)
                            """)
                    .param("id", marketId)
                    .param("title", "Settled market " + marketId)
                    .param("slug", "settled-" + marketId)
                    .param("category", category)
                    .param("at", Timestamp.from(at))
                    .param("winner", winner)
                    .param("pool", pool)
                    .param("n", results.length)
                    .param("created", Timestamp.from(marketCreatedAt))
                    .update();
            jdbc.sql("""
                            INSERT INTO outcomes (id, market_id, name, position, total_points)
                            VALUES (:winner, :m, 'Yes', 0, :won), (:loser, :m, 'No', 1, :lost)
                            """)
                    .param("winner", winner)
                    .param("loser", loser)
                    .param("m", marketId)
                    .param(
                            "won",
                            Arrays.stream(results)
                                    .filter(r -> r.won)
                                    .mapToLong(r -> r.stake)
                                    .sum())
                    .param(
                            "lost",
                            Arrays.stream(results)
                                    .filter(r -> !r.won)
                                    .mapToLong(r -> r.stake)
                                    .sum())
                    .update();
            for (Result r : results) {
                jdbc.sql("""
                                INSERT INTO forecasts (id, user_id, market_id, outcome_id, points, crowd_probability,
                                                       status, payout, settled_at, is_flagged, created_at)
                                VALUES (:id, :user, :m, :outcome, :stake, :q, :status, :payout, :at, :flagged, :placed)
                                """)
                        .param("id", r.forecastId)
                        .param("user", r.userId)
                        .param("m", marketId)
                        .param("outcome", r.won ? winner : loser)
                        .param("stake", r.stake)
                        .param("q", r.q)
                        .param("status", r.refunded ? "refunded" : r.won ? "won" : "lost")
                        .param("payout", r.payout)
                        .param("at", Timestamp.from(at))
                        .param("flagged", r.flagged)
                        .param("placed", Timestamp.from(r.placedAt == null ? at.minusSeconds(86_400) : r.placedAt))
                        .update();
            }
            String house = "house:" + marketId;
            if (pool > paid) {
                ledger.post(Transfer.move(house, "house share", Account.MINT, Account.HOUSE, pool - paid));
            } else if (paid > pool) {
                // The house gives the difference back (its balance cannot go below zero: granted first).
                ledger.post(Transfer.move(
                        "test-house-grant:" + marketId, "test grant", Account.MINT, Account.HOUSE, paid - pool));
                ledger.post(Transfer.move(house, "house share", Account.HOUSE, Account.MINT, paid - pool));
            }
        });
        return new SettledBatch(
                marketId,
                category,
                winner,
                false,
                refunded,
                marketCreatedAt,
                at,
                results.length,
                Arrays.stream(results).map(r -> r.forecastId).toList());
    }

    public static Result win(UUID userId, double q) {
        return new Result(userId, true, false, q, 100, 250);
    }

    public static Result lose(UUID userId, double q) {
        return new Result(userId, false, false, q, 100, 0);
    }

    public static Result refund(UUID userId) {
        return new Result(userId, false, true, 0.5, 100, 100);
    }

    /** One forecast's result in a test settlement (stake 100; a win pays 250 unless changed). */
    public static final class Result {
        final UUID userId;
        final boolean won;
        final boolean refunded;
        final double q;
        long stake;
        long payout;
        UUID forecastId = UUID.randomUUID();
        String category = "sports";
        Instant placedAt;
        Instant marketCreatedAt;
        boolean flagged;

        Result(UUID userId, boolean won, boolean refunded, double q, long stake, long payout) {
            this.userId = userId;
            this.won = won;
            this.refunded = refunded;
            this.q = q;
            this.stake = stake;
            this.payout = payout;
        }

        public UUID forecastId() {
            return forecastId;
        }

        public Result in(String category) {
            this.category = category;
            return this;
        }

        public Result staked(long stake, long payout) {
            this.stake = stake;
            this.payout = payout;
            return this;
        }

        public Result forecast(UUID forecastId) {
            this.forecastId = forecastId;
            return this;
        }

        /** Placed {@code minutes} after its market was created. */
        public Result placedAfterOpening(Instant marketCreatedAt, long minutes) {
            this.marketCreatedAt = marketCreatedAt;
            this.placedAt = marketCreatedAt.plusSeconds(minutes * 60);
            return this;
        }

        public Result flagged() {
            this.flagged = true;
            return this;
        }
    }
}
