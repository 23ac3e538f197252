package com.pilimarket.forecasting.internal;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pilimarket.forecasting.ForecastPlacement;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.forecasting.internal.ForecastService.BatchResult;
import com.pilimarket.forecasting.internal.ForecastService.Placement;
import com.pilimarket.forecasting.internal.PlacementBatcher.Pending;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit's fast path: a batch applied as one set must answer every placement exactly as
 * placing them one by one would, leave the uncommon cases to the one-by-one path, and fall back
 * to it — changing nothing — when a write of the set fails.
 */
@IntegrationTest
class GroupCommitIntegrationTests {

    private static final long CAP = 5_000;

    @Autowired
    ForecastService service;

    @Autowired
    PlacementBatcher batcher;

    @Autowired
    TestUsers users;

    @Autowired
    Markets marketsApi;

    @Autowired
    com.pilimarket.markets.internal.MarketAdministration marketAdmin;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestMarkets markets;

    TransactionTemplate tx;

    @BeforeEach
    void setUp() {
        tx = new TransactionTemplate(transactions);
    }

    @AfterEach
    void invariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    /** One scripted placement: which user (by index), which outcome, how many chips. */
    record Step(int user, int outcome, long points) {}

    /** Placed, or refused with a status and code: what a caller can tell apart. */
    record Answer(boolean created, long points, double crowdProbability, long chips, int status, String code) {

        static Answer of(ForecastPlacement p) {
            return new Answer(p.created(), p.forecast().points(), p.forecast().crowdProbability(), p.chips(), 0, null);
        }

        static Answer of(ApiException e) {
            return new Answer(false, 0, 0, 0, e.status().value(), e.code());
        }
    }

    @Test
    void a_set_answers_every_placement_exactly_as_placing_them_one_by_one_would() {
        List<Step> script = List.of(
                new Step(0, 0, 100), // opens
                new Step(1, 1, 300), // opens, on the other side
                new Step(2, 0, 6_000), // above the cap: refused
                new Step(3, 0, 50), // holds "No" already: switching is refused
                new Step(4, 1, 200), // holds "No" already: a top-up
                new Step(5, 0, 0), // not a stake: refused
                new Step(6, 0, 700), // opens at the odds the others left
                new Step(7, 1, 4_950)); // a top-up to exactly the cap
        MarketDetail alone = markets.open("One by one", CAP, "Yes", "No");
        MarketDetail asSet = markets.open("As one set", CAP, "Yes", "No");
        List<TestUser> aloneUsers = crowd(alone);
        List<TestUser> setUsers = crowd(asSet);

        List<Answer> expected = new ArrayList<>();
        for (Step step : script) {
            try {
                expected.add(Answer.of(service.place(
                        aloneUsers.get(step.user()).id(),
                        new PlaceForecast(alone.id(), outcome(alone, step.outcome()), step.points()))));
            } catch (ApiException e) {
                expected.add(Answer.of(e));
            }
        }
        List<Placement> batch = script.stream()
                .map(step ->
                        new Placement(setUsers.get(step.user()).id(), outcome(asSet, step.outcome()), step.points()))
                .toList();
        List<BatchResult> results = tx.execute(s -> service.placeAll(asSet.id(), batch));

        List<Answer> actual = results.stream()
                .map(r -> r instanceof BatchResult.Placed p
                        ? Answer.of(p.placement())
                        : Answer.of(((BatchResult.Refused) r).reason()))
                .toList();
        assertThat(actual).hasSize(script.size());
        for (int i = 0; i < script.size(); i++) {
            assertThat(actual.get(i).crowdProbability())
                    .as("crowd probability of step %d", i)
                    .isCloseTo(expected.get(i).crowdProbability(), within(1e-12));
            assertThat(actual.get(i))
                    .as("step %d", i)
                    .usingRecursiveComparison()
                    .ignoringFields("crowdProbability")
                    .isEqualTo(expected.get(i));
        }
        assertThat(actual)
                .extracting(Answer::code)
                .containsExactly(
                        null,
                        null,
                        "MAX_POINTS_EXCEEDED",
                        "OUTCOME_SWITCH_NOT_ALLOWED",
                        null,
                        "VALIDATION_FAILED",
                        null,
                        null);

        MarketDetail a = marketsApi.detail(alone.id().toString(), null);
        MarketDetail b = marketsApi.detail(asSet.id().toString(), null);
        assertThat(b.totalPoints()).isEqualTo(a.totalPoints());
        assertThat(b.forecasterCount()).isEqualTo(a.forecasterCount());
        for (int o = 0; o < 2; o++) {
            assertThat(b.outcomes().get(o).totalPoints())
                    .isEqualTo(a.outcomes().get(o).totalPoints());
            assertThat(b.outcomes().get(o).probability())
                    .isCloseTo(a.outcomes().get(o).probability(), within(1e-12));
        }
        assertThat(ledger.balanceOf(Account.pool(asSet.id()))).isEqualTo(ledger.balanceOf(Account.pool(alone.id())));
        assertThat(historyPoints(asSet)).isEqualTo(historyPoints(alone));
        for (int u = 0; u < aloneUsers.size(); u++) {
            assertThat(ledger.balanceOf(Account.user(setUsers.get(u).id())))
                    .isEqualTo(ledger.balanceOf(Account.user(aloneUsers.get(u).id())));
        }
    }

    @Test
    void a_round_over_several_markets_answers_as_placing_them_market_by_market_would() {
        // The spender has 1,000 chips: 600 on the first market and 300 on the second leave 100, so its
        // 200 on the third is not the set's to decide (short of chips: placed alone, refused there).
        record Step(int market, int user, int outcome, long points) {}
        List<Step> script = List.of(
                new Step(0, 0, 0, 600),
                new Step(0, 1, 1, 100),
                new Step(1, 0, 1, 300),
                new Step(1, 2, 0, 200),
                new Step(2, 0, 0, 200),
                new Step(2, 1, 0, 50));
        List<MarketDetail> alone = List.of(
                markets.open("Alone A", CAP, "Yes", "No"),
                markets.open("Alone B", CAP, "Yes", "No"),
                markets.open("Alone C", CAP, "Yes", "No"));
        List<MarketDetail> across = List.of(
                markets.open("Across A", CAP, "Yes", "No"),
                markets.open("Across B", CAP, "Yes", "No"),
                markets.open("Across C", CAP, "Yes", "No"));
        List<TestUser> aloneUsers = List.of(users.create(1_000), users.create(1_000), users.create(1_000));
        List<TestUser> acrossUsers = List.of(users.create(1_000), users.create(1_000), users.create(1_000));

        List<Answer> expected = new ArrayList<>();
        for (Step step : script) {
            MarketDetail market = alone.get(step.market());
            try {
                expected.add(Answer.of(service.place(
                        aloneUsers.get(step.user()).id(),
                        new PlaceForecast(market.id(), outcome(market, step.outcome()), step.points()))));
            } catch (ApiException e) {
                expected.add(Answer.of(e));
            }
        }
        List<ForecastService.MarketBatch> round = new ArrayList<>();
        for (int m = 0; m < across.size(); m++) {
            MarketDetail market = across.get(m);
            List<Placement> placements = new ArrayList<>();
            for (Step step : script) {
                if (step.market() == m) {
                    placements.add(new Placement(
                            acrossUsers.get(step.user()).id(), outcome(market, step.outcome()), step.points()));
                }
            }
            round.add(new ForecastService.MarketBatch(market.id(), placements));
        }
        List<List<BatchResult>> results = tx.execute(s -> service.placeAcross(round, true));

        List<BatchResult> flat = results.stream().flatMap(List::stream).toList();
        assertThat(flat).hasSize(script.size());
        assertThat(flat.get(4)).isInstanceOf(BatchResult.Alone.class);
        assertThat(expected.get(4).code()).isEqualTo("INSUFFICIENT_CHIPS");
        for (int i = 0; i < script.size(); i++) {
            if (i == 4) {
                continue;
            }
            Answer actual = Answer.of(((BatchResult.Placed) flat.get(i)).placement());
            assertThat(actual.crowdProbability())
                    .as("crowd probability of step %d", i)
                    .isCloseTo(expected.get(i).crowdProbability(), within(1e-12));
            assertThat(actual)
                    .as("step %d", i)
                    .usingRecursiveComparison()
                    .ignoringFields("crowdProbability")
                    .isEqualTo(expected.get(i));
        }
        for (int m = 0; m < across.size(); m++) {
            MarketDetail a = marketsApi.detail(alone.get(m).id().toString(), null);
            MarketDetail b = marketsApi.detail(across.get(m).id().toString(), null);
            assertThat(b.totalPoints()).as("market %d", m).isEqualTo(a.totalPoints());
            assertThat(b.forecasterCount()).as("market %d", m).isEqualTo(a.forecasterCount());
            assertThat(ledger.balanceOf(Account.pool(b.id()))).isEqualTo(ledger.balanceOf(Account.pool(a.id())));
            assertThat(historyPoints(b)).as("market %d", m).isEqualTo(historyPoints(a));
        }
        for (int u = 0; u < aloneUsers.size(); u++) {
            assertThat(ledger.balanceOf(Account.user(acrossUsers.get(u).id())))
                    .isEqualTo(ledger.balanceOf(Account.user(aloneUsers.get(u).id())));
        }
    }

    @Test
    void the_uncommon_cases_are_left_to_be_placed_alone_and_nothing_of_them_is_written() {
        MarketDetail market = markets.open("Edge cases", CAP, "Yes", "No");
        MarketDetail other = markets.open("Another market", CAP, "Yes", "No");
        TestUser twice = users.create(1_000);
        TestUser poor = users.create(10);
        TestUser suspended = users.create(1_000);
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE id = :id")
                .param("id", suspended.id())
                .update();
        TestUser wrongOutcome = users.create(1_000);

        List<BatchResult> results = tx.execute(s -> service.placeAll(
                market.id(),
                List.of(
                        new Placement(twice.id(), outcome(market, 0), 100),
                        new Placement(twice.id(), outcome(market, 0), 100), // the same user again
                        new Placement(poor.id(), outcome(market, 0), 100), // 10 chips only
                        new Placement(suspended.id(), outcome(market, 0), 100),
                        new Placement(wrongOutcome.id(), outcome(other, 0), 100),
                        new Placement(UUID.randomUUID(), outcome(market, 0), 100)))); // nobody

        assertThat(results.get(0)).isInstanceOf(BatchResult.Placed.class);
        assertThat(results.subList(1, results.size())).allMatch(r -> r instanceof BatchResult.Alone);
        assertThat(jdbc.sql("SELECT count(*) FROM forecasts WHERE market_id = :m")
                        .param("m", market.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isEqualTo(100);

        // A market that does not take forecasts: every placement gets its own answer alone.
        marketAdmin.suspend(users.admin().id(), other.id());
        List<BatchResult> closed = tx.execute(s ->
                service.placeAll(other.id(), List.of(new Placement(twice.id(), outcome(other, 0), 100))));
        assertThat(closed).singleElement().isInstanceOf(BatchResult.Alone.class);
    }

    @Test
    void the_batcher_places_the_cases_left_alone_one_by_one() throws Exception {
        MarketDetail market = markets.open("Twice in one batch", CAP, "Yes", "No");
        TestUser twice = users.create(1_000);
        TestUser poor = users.create(10);
        TestUser other = users.create(1_000);

        List<Pending> batch = new ArrayList<>(List.of(
                pending(twice, market, 0, 100),
                pending(twice, market, 0, 150),
                pending(poor, market, 1, 100),
                pending(other, market, 1, 400)));
        batcher.apply(batch);

        assertThat(answer(batch.stream()
                                .filter(p -> p.userId().equals(other.id()))
                                .findFirst()
                                .orElseThrow())
                        .chips())
                .isEqualTo(600);
        List<Pending> byTwice =
                batch.stream().filter(p -> p.userId().equals(twice.id())).toList();
        assertThat(answer(byTwice.get(0)).created()).isTrue();
        assertThat(answer(byTwice.get(1)).created()).isFalse();
        assertThat(answer(byTwice.get(1)).forecast().points()).isEqualTo(250);
        assertThat(answer(byTwice.get(1)).chips()).isEqualTo(750);
        Pending poorOne = batch.stream()
                .filter(p -> p.userId().equals(poor.id()))
                .findFirst()
                .orElseThrow();
        assertThat(refusal(poorOne).code()).isEqualTo("INSUFFICIENT_CHIPS");
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isEqualTo(650);
    }

    @Test
    void a_set_whose_write_fails_changes_nothing_and_the_batch_is_applied_one_by_one() throws Exception {
        MarketDetail market = markets.open("Failing write", CAP, "Yes", "No");
        List<TestUser> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(users.create(1_000));
        }
        TestUser poisoned = people.get(2);
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION test_fail_forecast() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.user_id = '%s' THEN
                                RAISE EXCEPTION 'injected failure';
                            END IF;
                            RETURN NEW;
                        END $$
                        """.formatted(poisoned.id())).update();
        jdbc.sql("CREATE TRIGGER test_fail_forecast BEFORE INSERT ON forecasts"
                        + " FOR EACH ROW EXECUTE FUNCTION test_fail_forecast()")
                .update();
        double fallbacksBefore = fallbacks();
        List<Pending> batch = new ArrayList<>();
        try {
            people.forEach(p -> batch.add(pending(p, market, 0, 100)));
            batcher.apply(batch);
        } finally {
            jdbc.sql("DROP TRIGGER test_fail_forecast ON forecasts").update();
        }

        assertThat(fallbacks()).isEqualTo(fallbacksBefore + 1);
        for (Pending p : batch) {
            if (p.userId().equals(poisoned.id())) {
                assertThat(p.result()).isCompletedExceptionally();
            } else {
                assertThat(answer(p).chips()).isEqualTo(900);
            }
        }
        assertThat(ledger.balanceOf(Account.user(poisoned.id()))).isEqualTo(1_000);
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isEqualTo(400);
        assertThat(marketsApi.detail(market.id().toString(), null).forecasterCount())
                .isEqualTo(4);
    }

    @Test
    void keys_are_claimed_and_answers_stored_with_the_set_and_a_key_applies_once() throws Exception {
        MarketDetail market = markets.open("Keyed batch", CAP, "Yes", "No");
        TestUser ana = users.create(1_000);
        TestUser ben = users.create(1_000);
        TestUser cy = users.create(10_000);
        TestUser dan = users.create(1_000);

        List<Pending> batch = new ArrayList<>(List.of(
                keyed(ana, market, 0, 100, "k-ana"),
                keyed(ana, market, 0, 100, "k-ana"), // the same request twice in one batch
                keyed(ben, market, 1, 200, "k-ben"),
                keyed(cy, market, 0, 6_000, "k-cy"), // above the cap: refused, the key is not kept
                keyed(dan, market, 0, 300, "k-dan"),
                keyed(dan, market, 0, 999, "k-dan"))); // the same key with another body
        double fallbacksBefore = fallbacks();
        batcher.apply(batch);
        assertThat(fallbacks()).as("applied as a set").isEqualTo(fallbacksBefore);

        List<Pending> byAna =
                batch.stream().filter(p -> p.userId().equals(ana.id())).toList();
        assertThat(chipsIn(byAna.get(0))).isEqualTo(900);
        assertThat(chipsIn(byAna.get(1))).as("replayed, not applied again").isEqualTo(900);
        assertThat(chipsIn(only(batch, ben))).isEqualTo(800);
        assertThat(refusal(only(batch, cy)).code()).isEqualTo("MAX_POINTS_EXCEEDED");
        List<Pending> byDan =
                batch.stream().filter(p -> p.userId().equals(dan.id())).toList();
        assertThat(chipsIn(byDan.get(0))).isEqualTo(700);
        assertThat(refusal(byDan.get(1)).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        assertThat(ledger.balanceOf(Account.user(ana.id()))).isEqualTo(900);
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isEqualTo(600);
        assertThat(jdbc.sql("SELECT idem_key || ':' || response_status FROM idempotency_keys"
                                + " WHERE user_id IN (:users) ORDER BY idem_key")
                        .param("users", List.of(ana.id(), ben.id(), cy.id(), dan.id()))
                        .query(String.class)
                        .list())
                .containsExactly("k-ana:201", "k-ben:201", "k-dan:201");

        // The same key later, in another batch: replayed from the stored answer, charged once.
        List<Pending> again =
                new ArrayList<>(List.of(keyed(ana, market, 0, 100, "k-ana"), keyed(ben, market, 1, 50, "k-ben-2")));
        batcher.apply(again);
        assertThat(chipsIn(again.get(0).userId().equals(ana.id()) ? again.get(0) : again.get(1)))
                .isEqualTo(900);
        assertThat(ledger.balanceOf(Account.user(ana.id()))).isEqualTo(900);
        assertThat(ledger.balanceOf(Account.user(ben.id()))).isEqualTo(750);
    }

    @Test
    void an_error_in_the_batch_writer_answers_every_waiting_placement_and_frees_the_market() throws Exception {
        MarketDetail market = markets.open("Writer failure", CAP, "Yes", "No");
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            // The first placement holds the market (its answer waits for the gate), so the next four
            // queue up behind it and are applied as one batch, whose answers throw an Error.
            TestUser first = users.create(1_000);
            java.util.concurrent.Future<?> held = callers.submit(() -> batcher.placeIdempotently(
                    first.id(), new PlaceForecast(market.id(), outcome(market, 0), 10), "k-first", placement -> {
                        holding.countDown();
                        try {
                            gate.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return ResponseEntity.status(201).body(Map.of("chips", placement.chips()));
                    }));
            awaitHolding(holding);
            List<java.util.concurrent.Future<?>> failing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                TestUser user = users.create(1_000);
                failing.add(callers.submit(() -> batcher.placeIdempotently(
                        user.id(), new PlaceForecast(market.id(), outcome(market, 1), 10), "k-err", placement -> {
                            throw new StackOverflowError("injected");
                        })));
            }
            awaitWaiting(4, market);
            gate.countDown();
            held.get(30, java.util.concurrent.TimeUnit.SECONDS);
            for (java.util.concurrent.Future<?> f : failing) {
                try {
                    f.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    throw new AssertionError("expected the injected error");
                } catch (ExecutionException expected) {
                    // answered, not left waiting
                }
            }

            // The market is free again: the next placement goes through at once.
            TestUser next = users.create(1_000);
            ForecastPlacement placed = callers.submit(
                            () -> batcher.place(next.id(), new PlaceForecast(market.id(), outcome(market, 0), 10)))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(placed.chips()).isEqualTo(990);
            assertThat(jdbc.sql("SELECT count(*) FROM forecasts WHERE market_id = :m")
                            .param("m", market.id())
                            .query(Long.class)
                            .single())
                    .as("the failed batch wrote nothing")
                    .isEqualTo(2);
        } finally {
            gate.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    void placements_waiting_on_many_markets_commit_together_each_with_its_own_answer() throws Exception {
        // One pipeline, held by a placement whose answer waits for a gate: meanwhile placements on
        // six other markets become ready, and the next round takes them all into one transaction.
        try (Rounds rounds = rounds(1, 64, java.time.Duration.ofMinutes(1))) {
            HeldRound held = holdARound(rounds.callers());
            List<Sent> sent = sendOnSixMarkets(rounds.callers());
            awaitWaiting(sent.size(), sent.stream().map(Sent::market).distinct().toArray(MarketDetail[]::new));
            DistributionSummaryProbe probe = new DistributionSummaryProbe(meters, "pilimarket.forecasts.batch.markets");
            held.release();
            assertAnswered(sent);
            List<MarketDetail> many = sent.stream().map(Sent::market).distinct().toList();
            for (MarketDetail market : many) {
                long staked = sent.stream()
                        .filter(x -> x.market().id().equals(market.id()))
                        .mapToLong(Sent::points)
                        .sum();
                assertThat(ledger.balanceOf(Account.pool(market.id()))).isEqualTo(staked);
            }
            assertThat(probe.max()).as("markets in one transaction").isGreaterThanOrEqualTo(many.size());
        }
    }

    @Test
    void placements_arriving_while_a_round_is_in_flight_wait_for_it_and_then_commit_together() throws Exception {
        // Few placements waiting and a round that has just started: no round of their own beside it.
        try (Rounds rounds = rounds(4, 64, java.time.Duration.ofMinutes(1))) {
            HeldRound held = holdARound(rounds.callers());
            List<Sent> sent = sendOnSixMarkets(rounds.callers());
            Thread.sleep(1_500);
            assertThat(sent)
                    .as("waiting for the round in flight, not in rounds of their own")
                    .noneMatch(s -> s.answer().isDone());
            DistributionSummaryProbe probe = new DistributionSummaryProbe(meters, "pilimarket.forecasts.batch.markets");
            held.release();
            assertAnswered(sent);
            assertThat(probe.max()).as("markets in the next round").isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void a_round_that_makes_no_progress_lets_another_start_beside_it() throws Exception {
        // As a round waiting on a market's lock (an admin action, a settlement) would: the others go on.
        try (Rounds rounds = rounds(4, 64, java.time.Duration.ofMillis(200))) {
            HeldRound held = holdARound(rounds.callers());
            List<Sent> sent = sendOnSixMarkets(rounds.callers());
            assertAnswered(sent);
            assertThat(held.answer().isDone())
                    .as("the held round is still in flight")
                    .isFalse();
            held.release();
        }
    }

    @Test
    void enough_waiting_placements_start_another_round_beside_the_one_in_flight() throws Exception {
        try (Rounds rounds = rounds(4, 4, java.time.Duration.ofMinutes(1))) {
            HeldRound held = holdARound(rounds.callers());
            List<Sent> sent = sendOnSixMarkets(rounds.callers());
            // A round starts once four wait; the last few to arrive may be fewer than four and wait
            // for a round in flight (under a minute of stall-after they would wait for the held one).
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> sent.stream().filter(s -> s.answer().isDone()).count() >= 4);
            assertThat(held.answer().isDone())
                    .as("the held round is still in flight")
                    .isFalse();
            held.release();
            assertAnswered(sent);
        }
    }

    /** The batcher's round rule for one test (rounds at once, grow-at, stall-after), put back on close. */
    private Rounds rounds(int pipelines, int growAt, java.time.Duration stallAfter) {
        Object target = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(batcher);
        Map<String, Object> before = new java.util.HashMap<>();
        for (String field : List.of("pipelines", "growAt", "stallAfterNanos", "acrossMarkets")) {
            before.put(field, org.springframework.test.util.ReflectionTestUtils.getField(target, field));
        }
        org.springframework.test.util.ReflectionTestUtils.setField(target, "pipelines", pipelines);
        org.springframework.test.util.ReflectionTestUtils.setField(target, "growAt", growAt);
        org.springframework.test.util.ReflectionTestUtils.setField(target, "stallAfterNanos", stallAfter.toNanos());
        org.springframework.test.util.ReflectionTestUtils.setField(target, "acrossMarkets", true);
        return new Rounds(target, before, java.util.concurrent.Executors.newFixedThreadPool(25));
    }

    private record Rounds(Object target, Map<String, Object> before, java.util.concurrent.ExecutorService callers)
            implements AutoCloseable {

        @Override
        public void close() {
            callers.shutdownNow();
            before.forEach(
                    (field, value) -> org.springframework.test.util.ReflectionTestUtils.setField(target, field, value));
        }
    }

    /** A round in flight that does not finish until released: its keyed response waits for a gate. */
    private record HeldRound(java.util.concurrent.CountDownLatch gate, java.util.concurrent.Future<?> answer) {

        void release() throws Exception {
            gate.countDown();
            answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private HeldRound holdARound(java.util.concurrent.ExecutorService callers) throws InterruptedException {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        MarketDetail holder = markets.open("Holder", CAP, "Yes", "No");
        TestUser first = users.create(1_000);
        java.util.concurrent.Future<?> answer = callers.submit(() -> batcher.placeIdempotently(
                first.id(),
                new PlaceForecast(holder.id(), outcome(holder, 0), 10),
                "k-" + UUID.randomUUID(),
                placement -> {
                    holding.countDown();
                    try {
                        gate.await(60, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ResponseEntity.status(201).body(Map.of("chips", placement.chips()));
                }));
        awaitHolding(holding);
        return new HeldRound(gate, answer);
    }

    private record Sent(
            TestUser user, MarketDetail market, long points, java.util.concurrent.Future<ForecastPlacement> answer) {}

    /** Eighteen placements of eighteen new users on six new markets, each sent from its own thread. */
    private List<Sent> sendOnSixMarkets(java.util.concurrent.ExecutorService callers) {
        List<MarketDetail> many = new ArrayList<>();
        for (int m = 0; m < 6; m++) {
            many.add(markets.open("Waiting " + m, CAP, "Yes", "No"));
        }
        List<TestUser> crowd = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            crowd.add(users.create(1_000));
        }
        List<Sent> sent = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            TestUser user = crowd.get(i);
            MarketDetail market = many.get(i % many.size());
            long points = 10 + i;
            int side = i % 2;
            sent.add(new Sent(
                    user,
                    market,
                    points,
                    callers.submit(() ->
                            batcher.place(user.id(), new PlaceForecast(market.id(), outcome(market, side), points)))));
        }
        return sent;
    }

    private void assertAnswered(List<Sent> sent) throws Exception {
        for (Sent s : sent) {
            ForecastPlacement placed = s.answer().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(placed.created()).isTrue();
            assertThat(placed.forecast().points()).isEqualTo(s.points());
            assertThat(placed.chips()).isEqualTo(1_000 - s.points());
            assertThat(ledger.balanceOf(Account.user(s.user().id()))).isEqualTo(1_000 - s.points());
        }
    }

    /** Waits until the held placement's answer is being built: its round is in flight and holds its market. */
    private static void awaitHolding(java.util.concurrent.CountDownLatch holding) throws InterruptedException {
        assertThat(holding.await(30, java.util.concurrent.TimeUnit.SECONDS))
                .as("the held placement reached its answer")
                .isTrue();
    }

    /**
     * Waits until {@code count} placements wait in the queues of these markets (no round has taken them), as
     * a fixed sleep did, but only as long as that takes.
     */
    private void awaitWaiting(int count, MarketDetail... on) {
        Object target = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(batcher);
        Map<?, ?> queues = (Map<?, ?>) org.springframework.test.util.ReflectionTestUtils.getField(target, "queues");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> java.util.Arrays.stream(on)
                                .map(m -> queues.get(m.id()))
                                .filter(java.util.Objects::nonNull)
                                .mapToInt(q -> ((java.util.Collection<?>)
                                                org.springframework.test.util.ReflectionTestUtils.getField(
                                                        q, "pending"))
                                        .size())
                                .sum()
                        >= count);
    }

    /** The largest value a distribution summary recorded recently. */
    private record DistributionSummaryProbe(MeterRegistry meters, String name) {

        long max() {
            io.micrometer.core.instrument.DistributionSummary summary =
                    meters.find(name).summary();
            return summary == null ? 0 : (long) summary.max();
        }
    }

    @Test
    void a_placement_left_waiting_in_its_queue_is_taken_back_and_refused_with_503() throws Exception {
        MarketDetail market = markets.open("Slow writer", CAP, "Yes", "No");
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        Object target = org.springframework.test.util.AopTestUtils.getUltimateTargetObject(batcher);
        Object waitTimeout = org.springframework.test.util.ReflectionTestUtils.getField(target, "waitTimeout");
        try {
            TestUser first = users.create(1_000);
            java.util.concurrent.Future<?> held = callers.submit(() -> batcher.placeIdempotently(
                    first.id(), new PlaceForecast(market.id(), outcome(market, 0), 10), "k-slow", placement -> {
                        holding.countDown();
                        try {
                            gate.await(60, java.util.concurrent.TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return ResponseEntity.status(201).body(Map.of("chips", placement.chips()));
                    }));
            awaitHolding(holding);
            // The placement that waits gets a wait timeout of 3 s instead of the test profile's 10 s (30 s in
            // production): what is proven, a 503 once it is over and nothing written, does not depend on its
            // length, and 7 s of the suite did. Set only now that the held placement is in its round (run by
            // its own request thread, which waits in the answer, not on a timeout), and put back below.
            org.springframework.test.util.ReflectionTestUtils.setField(
                    target, "waitTimeout", java.time.Duration.ofSeconds(3));
            TestUser waiting = users.create(1_000);
            java.util.concurrent.Future<ForecastPlacement> queued = callers.submit(
                    () -> batcher.place(waiting.id(), new PlaceForecast(market.id(), outcome(market, 1), 10)));
            try {
                queued.get(60, java.util.concurrent.TimeUnit.SECONDS);
                throw new AssertionError("expected a 503");
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ApiException.class);
                assertThat(((ApiException) e.getCause()).status().value()).isEqualTo(503);
            }
            gate.countDown();
            held.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(ledger.balanceOf(Account.user(waiting.id())))
                    .as("taken back before any write")
                    .isEqualTo(1_000);
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(target, "waitTimeout", waitTimeout);
            gate.countDown();
            callers.shutdownNow();
        }
    }

    private static Pending keyed(TestUser user, MarketDetail market, int outcome, long points, String key) {
        return new Pending(
                user.id(),
                new PlaceForecast(market.id(), outcome(market, outcome), points),
                new PlacementBatcher.Keyed(
                        key, placement -> ResponseEntity.status(201).body(Map.of("chips", placement.chips()))),
                new CompletableFuture<>());
    }

    private static Pending only(List<Pending> batch, TestUser user) {
        return batch.stream()
                .filter(p -> p.userId().equals(user.id()))
                .findFirst()
                .orElseThrow();
    }

    /** The chips in an answer: a fresh one (a map) or a replayed one (stored JSON). */
    private static long chipsIn(Pending p) throws Exception {
        Object body = ((ResponseEntity<?>) p.result().get()).getBody();
        if (body instanceof Map<?, ?> map) {
            return ((Number) map.get("chips")).longValue();
        }
        return ((tools.jackson.databind.JsonNode) body).get("chips").asLong();
    }

    private List<TestUser> crowd(MarketDetail market) {
        List<TestUser> crowd = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            crowd.add(users.create(i == 2 || i == 7 ? 10_000 : 1_000)); // 2 can afford more than the cap
        }
        // Users 3 and 4 already back "No"; user 7 holds 50 chips of "No", 4,950 short of the cap.
        service.place(crowd.get(3).id(), new PlaceForecast(market.id(), outcome(market, 1), 100));
        service.place(crowd.get(4).id(), new PlaceForecast(market.id(), outcome(market, 1), 100));
        service.place(crowd.get(7).id(), new PlaceForecast(market.id(), outcome(market, 1), 50));
        return crowd;
    }

    /**
     * The market's history, point by point in the order written: each point's probabilities by outcome
     * position (the two markets compared have different outcome ids), rounded to 12 places.
     */
    private List<List<String>> historyPoints(MarketDetail market) {
        return jdbc.sql("""
                        SELECT (SELECT array_agg(round((h.probabilities ->> o.id::text)::numeric, 12)::text
                                                 ORDER BY o.position)
                                FROM outcomes o WHERE o.market_id = h.market_id)
                        FROM market_history h WHERE h.market_id = :m ORDER BY h.id
                        """)
                .param("m", market.id())
                .query((rs, n) -> List.of((String[]) rs.getArray(1).getArray()))
                .list();
    }

    private static Pending pending(TestUser user, MarketDetail market, int outcome, long points) {
        return new Pending(user.id(), new PlaceForecast(market.id(), outcome(market, outcome), points));
    }

    private static ForecastPlacement answer(Pending p) throws Exception {
        return (ForecastPlacement) p.result().get();
    }

    private static ApiException refusal(Pending p) throws InterruptedException {
        try {
            p.result().get();
            throw new AssertionError("expected a refusal");
        } catch (ExecutionException e) {
            return (ApiException) e.getCause();
        }
    }

    private double fallbacks() {
        return meters.counter("pilimarket.forecasts.batch.set.fallbacks").count();
    }
}
