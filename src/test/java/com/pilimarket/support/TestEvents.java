package com.pilimarket.support;

import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.forecasting.MarketSettled;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

    public TestEvents(ApplicationEventPublisher publisher, TransactionTemplate transactions, JdbcClient jdbc) {
        this.publisher = publisher;
        this.transactions = transactions;
        this.jdbc = jdbc;
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
     * Waits until no placement is waiting in the placement feed and no event publication is still to be
     * processed (one statement: the feed's drain deletes its rows and stores its publications in one
     * transaction). Publications that already failed are not waited for (a test that cares asserts on
     * what the listener should have done).
     */
    public void awaitListeners() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> jdbc.sql("SELECT (SELECT count(*) FROM placement_feed)"
                                        + " + (SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                        + " AND coalesce(status, '') <> 'FAILED')")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** Publishes a {@link #settlement} and waits for the listeners. */
    public MarketSettled settleAndWait(UUID marketId, Instant at, Result... results) {
        MarketSettled event = settlement(marketId, at, results);
        publishAndWait(event);
        return event;
    }

    /** A MarketSettled for {@code marketId} with the given results, settled at {@code at} (not published). */
    public static MarketSettled settlement(UUID marketId, Instant at, Result... results) {
        List<ForecastSettled> forecasts = Arrays.stream(results)
                .map(r -> new ForecastSettled(
                        r.userId,
                        r.forecastId,
                        marketId,
                        r.category,
                        UUID.randomUUID(),
                        r.won,
                        r.refunded,
                        r.stake,
                        r.payout,
                        r.q,
                        r.placedAt == null ? at.minusSeconds(86_400) : r.placedAt,
                        r.marketCreatedAt == null ? at.minusSeconds(10 * 86_400) : r.marketCreatedAt,
                        at,
                        r.flagged))
                .toList();
        String category = results.length == 0 ? "sports" : results[0].category;
        long pool = forecasts.stream().mapToLong(ForecastSettled::stake).sum();
        return new MarketSettled(
                marketId,
                category,
                UUID.randomUUID(),
                false,
                forecasts.stream().allMatch(ForecastSettled::refunded) && !forecasts.isEmpty(),
                pool,
                0,
                at.minusSeconds(10 * 86_400),
                at,
                forecasts);
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
