package com.pilimarket.forecasting;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.LedgerEntryView;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ForecastPlacementIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets marketsApi;

    @Autowired
    com.pilimarket.markets.internal.MarketAdministration marketAdmin;

    @Autowired
    com.pilimarket.markets.internal.MarketReads marketReads;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    TestMarkets markets;

    @AfterEach
    void invariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    Result place(TestUser user, MarketDetail market, int outcome, Object points) {
        return http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", market.id(), "outcome_id", outcome(market, outcome), "points", points))
                .bearer(user.token())
                .send();
    }

    MarketDetail reload(MarketDetail market) {
        return marketsApi.detail(market.id().toString(), null);
    }

    long chips(TestUser user) {
        return ledger.balanceOf(Account.user(user.id()));
    }

    /** Everything a refused placement must leave untouched. */
    record Snapshot(long chips, long pool, List<Long> totals, int forecasters, long transactions, long forecasts) {}

    Snapshot snapshot(TestUser user, MarketDetail market) {
        MarketDetail now = reload(market);
        return new Snapshot(
                chips(user),
                ledger.balanceOf(Account.pool(market.id())),
                now.outcomes().stream().map(o -> o.totalPoints()).toList(),
                now.forecasterCount(),
                jdbc.sql("SELECT count(*) FROM ledger_transactions")
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT count(*) FROM forecasts WHERE market_id = :m")
                        .param("m", market.id())
                        .query(Long.class)
                        .single());
    }

    void assertRefused(TestUser user, MarketDetail market, Supplier<Result> request, int status, String code) {
        Snapshot before = snapshot(user, market);
        Result result = request.get();
        assertThat(result.status()).as(result.raw().body()).isEqualTo(status);
        assertThat(result.errorCode()).isEqualTo(code);
        assertThat(snapshot(user, market)).isEqualTo(before);
    }

    @Test
    void a_first_forecast_takes_the_chips_into_the_pool_and_moves_the_odds() {
        TestUser maria = users.create(1_000);
        MarketDetail market = markets.open("Will Gilas Pilipinas win?", "Yes", "No");

        Result result = place(maria, market, 0, 300);

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.data().get("points").asLong()).isEqualTo(300);
        assertThat(result.data().get("status").asString()).isEqualTo("pending");
        assertThat(result.data().get("crowd_probability").asDouble()).isEqualTo(0.5);
        assertThat(result.data().get("chips").asLong()).isEqualTo(700);
        assertThat(result.data().get("market_id").asString())
                .isEqualTo(market.id().toString());
        assertThat(chips(maria)).isEqualTo(700);
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isEqualTo(300);
        MarketDetail after = reload(market);
        assertThat(after.totalPoints()).isEqualTo(300);
        assertThat(after.forecasterCount()).isEqualTo(1);
        // q = (100/2 + 300) / (100 + 300) = 0.875
        assertThat(after.outcomes().get(0).probability()).isCloseTo(0.875, within(1e-12));
        assertThat(ledger.statement(maria.id(), PageQuery.first(1)).items())
                .extracting(LedgerEntryView::reference)
                .containsExactly("forecast:" + result.data().get("id").asString() + ":1");
        assertThat(marketsApi.detail(market.slug(), maria.id()).myForecast().points())
                .isEqualTo(300);
    }

    @Test
    void a_top_up_answers_200_and_weights_the_crowd_probability_by_stake() {
        TestUser jose = users.create(1_000);
        TestUser ana = users.create(1_000);
        MarketDetail market = markets.open("Top-up market", "Yes", "No");
        place(jose, market, 0, 100); // q before = 0.5
        place(ana, market, 1, 100); // Yes at (50 + 100) / 300 = 0.5 again
        place(ana, market, 1, 100);

        Result topUp = place(jose, market, 0, 300); // Yes before: (50 + 100) / (100 + 300) = 0.375

        assertThat(topUp.status()).isEqualTo(200);
        assertThat(topUp.data().get("points").asLong()).isEqualTo(400);
        assertThat(topUp.data().get("chips").asLong()).isEqualTo(600);
        assertThat(topUp.data().get("crowd_probability").asDouble())
                .isCloseTo((100 * 0.5 + 300 * 0.375) / 400, within(1e-12));
        assertThat(ledger.statement(jose.id(), PageQuery.first(1))
                        .items()
                        .get(0)
                        .reference())
                .endsWith(":2");
        assertThat(reload(market).forecasterCount()).isEqualTo(2);
    }

    @Test
    void switching_outcome_is_a_conflict_and_changes_nothing() {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Switch market", "Yes", "No");
        place(user, market, 0, 100);

        assertRefused(user, market, () -> place(user, market, 1, 100), 409, "OUTCOME_SWITCH_NOT_ALLOWED");
    }

    @Test
    void a_stake_above_the_cap_across_top_ups_is_refused() {
        TestUser user = users.create(5_000);
        MarketDetail market = markets.open("Capped market", 500, "Yes", "No");

        assertRefused(user, market, () -> place(user, market, 0, 501), 422, "MAX_POINTS_EXCEEDED");
        place(user, market, 0, 400);
        assertRefused(user, market, () -> place(user, market, 0, 101), 422, "MAX_POINTS_EXCEEDED");
        assertThat(place(user, market, 0, 100).status()).isEqualTo(200);
    }

    @Test
    void not_enough_chips_is_refused_and_changes_nothing() {
        TestUser user = users.create(100);
        MarketDetail market = markets.open("Poor market", "Yes", "No");

        assertRefused(user, market, () -> place(user, market, 0, 101), 422, "INSUFFICIENT_CHIPS");
    }

    enum NotOpen {
        SUSPENDED,
        CLOSED,
        PAST_ITS_CLOSING_TIME
    }

    @ParameterizedTest(name = "a market {0} refuses forecasts")
    @EnumSource(NotOpen.class)
    void suspended_closed_and_past_closing_markets_refuse_forecasts(NotOpen state) {
        TestUser user = users.create(1_000);
        UUID admin = users.admin().id();
        MarketDetail market = markets.open("Not open market", "Yes", "No");
        switch (state) {
            case SUSPENDED -> marketAdmin.suspend(admin, market.id());
            case CLOSED -> marketsApi.close(admin, market.id());
            case PAST_ITS_CLOSING_TIME -> {
                jdbc.sql("UPDATE markets SET closes_at = now() - interval '1 second' WHERE id = :id")
                        .param("id", market.id())
                        .update();
                assertThat(reload(market).status())
                        .as("the close job has not run yet")
                        .isEqualTo("open");
            }
        }

        assertRefused(user, market, () -> place(user, market, 0, 10), 422, "MARKET_NOT_OPEN");
    }

    @Test
    void an_outcome_of_another_market_is_a_validation_error_on_outcome_id() {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Market A", "Yes", "No");
        MarketDetail other = markets.open("Market B", "Yes", "No");

        Snapshot before = snapshot(user, market);
        Result result = http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", market.id(), "outcome_id", outcome(other, 0), "points", 10))
                .bearer(user.token())
                .send();

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(result.body().get("errors").get(0).get("field").asString()).isEqualTo("outcome_id");
        assertThat(snapshot(user, market)).isEqualTo(before);
    }

    @ParameterizedTest(name = "points {0} are refused")
    @ValueSource(strings = {"0", "-5", "1.5", "1e30", "2000000000"})
    void points_must_be_a_positive_whole_number_within_range(String points) {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Points market", "Yes", "No");

        Snapshot before = snapshot(user, market);
        Result result = place(user, market, 0, new BigDecimal(points));
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(result.body().get("errors").get(0).get("field").asString()).isEqualTo("points");
        assertThat(snapshot(user, market)).isEqualTo(before);
    }

    @Test
    void points_that_are_text_or_missing_are_refused() {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Points market", "Yes", "No");

        Result text = http.post("/api/v1/forecasts", null)
                .rawBody("{\"market_id\":\"" + market.id() + "\",\"outcome_id\":\"" + outcome(market, 0)
                        + "\",\"points\":\"lots\"}")
                .bearer(user.token())
                .send();
        assertThat(text.status()).isEqualTo(400);
        Result missing = http.post("/api/v1/forecasts", Map.of("market_id", market.id()))
                .bearer(user.token())
                .send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors")).hasSize(2);
    }

    @Test
    void a_suspended_user_cannot_place_a_forecast() {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Suspended user market", "Yes", "No");
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE id = :id")
                .param("id", user.id())
                .update();

        // The account status filter refuses it before placement runs (docs/SECURITY.md).
        assertRefused(user, market, () -> place(user, market, 0, 10), 403, "ACCOUNT_SUSPENDED");
    }

    @Test
    void an_unknown_market_is_404_and_anonymous_callers_are_401() {
        TestUser user = users.create(1_000);
        Result unknown = http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", UUID.randomUUID(), "outcome_id", UUID.randomUUID(), "points", 10))
                .bearer(user.token())
                .send();
        assertThat(unknown.status()).isEqualTo(404);

        MarketDetail market = markets.open("Anonymous market", "Yes", "No");
        Result anonymous = http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", market.id(), "outcome_id", outcome(market, 0), "points", 10))
                .send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(chips(user)).isEqualTo(1_000);
    }

    // ------------------------------------------------------------------ Idempotency-Key

    Result placeWithKey(TestUser user, MarketDetail market, int outcome, long points, String key) {
        return http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", market.id(), "outcome_id", outcome(market, outcome), "points", points))
                .bearer(user.token())
                .header("Idempotency-Key", key)
                .send();
    }

    @Test
    void the_same_idempotency_key_and_body_replays_the_first_response_and_charges_once() {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Idempotent market", "Yes", "No");

        Result first = placeWithKey(user, market, 0, 100, "key-1");
        Result again = placeWithKey(user, market, 0, 100, "key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(chips(user)).isEqualTo(900);
        // A new key is a new request: a top-up.
        assertThat(placeWithKey(user, market, 0, 100, "key-2").status()).isEqualTo(200);
        assertThat(chips(user)).isEqualTo(800);
    }

    @Test
    void the_same_idempotency_key_with_another_body_is_refused() {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Reused key market", "Yes", "No");
        placeWithKey(user, market, 0, 100, "key-x");

        assertRefused(user, market, () -> placeWithKey(user, market, 0, 200, "key-x"), 409, "IDEMPOTENCY_KEY_REUSED");
        assertRefused(user, market, () -> placeWithKey(user, market, 0, 1, "k".repeat(101)), 400, "VALIDATION_FAILED");
    }

    @Test
    void a_refused_request_is_not_remembered_under_its_key() {
        TestUser user = users.create(50);
        MarketDetail market = markets.open("Retry market", "Yes", "No");

        assertThat(placeWithKey(user, market, 0, 100, "retry").errorCode()).isEqualTo("INSUFFICIENT_CHIPS");
        ledger.post(com.pilimarket.ledger.Transfer.move(
                "top-up:" + user.id(), "test grant", Account.MINT, Account.user(user.id()), 50));

        assertThat(placeWithKey(user, market, 0, 100, "retry").status()).isEqualTo(201);
        assertThat(chips(user)).isZero();
    }

    @Test
    void concurrent_requests_with_one_key_apply_once_and_all_see_the_same_answer() throws Exception {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Concurrent key market", "Yes", "No");
        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tasks.add(() -> placeWithKey(user, market, 0, 100, "same-key"));
        }

        List<Result> results = runAll(tasks, 12);

        assertThat(results).extracting(Result::status).containsOnly(201);
        assertThat(results).extracting(Result::body).containsOnly(results.get(0).body());
        assertThat(chips(user)).isEqualTo(900);
        assertThat(reload(market).totalPoints()).isEqualTo(100);
    }

    // ------------------------------------------------------------------ concurrency

    @Test
    void fifty_parallel_whole_balance_forecasts_succeed_exactly_once() throws Exception {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("All-in market", "Yes", "No");
        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tasks.add(() -> place(user, market, 0, 1_000));
        }

        List<Result> results = runAll(tasks, 25);

        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(results.stream().filter(r -> r.status() == 422))
                .hasSize(49)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("INSUFFICIENT_CHIPS"));
        assertThat(chips(user)).isZero();
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isEqualTo(1_000);
        assertThat(reload(market).forecasterCount()).isEqualTo(1);
    }

    @Test
    void parallel_top_ups_by_one_user_never_pass_the_cap_nor_create_two_forecasts() throws Exception {
        TestUser user = users.create(10_000);
        MarketDetail market = markets.open("Parallel top-ups", 1_000, "Yes", "No");
        List<Callable<Result>> tasks = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tasks.add(() -> place(user, market, 0, 100));
        }

        List<Result> results = runAll(tasks, 15);

        assertThat(results.stream().filter(r -> r.status() == 201)).hasSize(1);
        assertThat(results.stream().filter(r -> r.status() == 200)).hasSize(9);
        assertThat(results.stream().filter(r -> r.status() == 422))
                .hasSize(20)
                .allSatisfy(r -> assertThat(r.errorCode()).isEqualTo("MAX_POINTS_EXCEEDED"));
        assertThat(chips(user)).isEqualTo(9_000);
        assertThat(jdbc.sql("SELECT count(*), sum(points), max(placements) FROM forecasts WHERE market_id = :m")
                        .param("m", market.id())
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .single())
                .containsExactly(1L, 1_000L, 10L);
    }

    @Test
    void two_hundred_users_forecasting_at_once_agree_to_the_chip() throws Exception {
        MarketDetail market = markets.open("Crowded market", "Pacquiao", "Marquez", "Draw");
        List<TestUser> crowd = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            crowd.add(users.create(1_000));
        }
        List<Callable<Result>> tasks = new ArrayList<>();
        long[] stakes = new long[200];
        for (int i = 0; i < 200; i++) {
            TestUser user = crowd.get(i);
            stakes[i] = ThreadLocalRandom.current().nextLong(1, 1_001);
            long points = stakes[i];
            int outcome = i % 3;
            tasks.add(() -> place(user, market, outcome, points));
        }

        List<Result> results = runAll(tasks, 32);

        assertThat(results).extracting(Result::status).containsOnly(201);
        long total = 0;
        for (int i = 0; i < 200; i++) {
            assertThat(chips(crowd.get(i))).isEqualTo(1_000 - stakes[i]);
            assertThat(results.get(i).data().get("chips").asLong()).isEqualTo(1_000 - stakes[i]);
            total += stakes[i];
        }
        MarketDetail after = reload(market);
        assertThat(after.totalPoints()).isEqualTo(total);
        assertThat(after.forecasterCount()).isEqualTo(200);
        assertThat(after.outcomes().stream().mapToLong(o -> o.totalPoints()).sum())
                .isEqualTo(total);
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isEqualTo(total);
        assertThat(after.outcomes().stream().mapToDouble(o -> o.probability()).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(jdbc.sql("SELECT count(*) FROM market_history WHERE market_id = :m")
                        .param("m", market.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(201);
        var history = marketReads.history(market.id(), "all");
        assertThat(history).hasSizeLessThanOrEqualTo(200);
        assertThat(history.get(history.size() - 1).probabilities().get(outcome(market, 0)))
                .isEqualTo(after.outcomes().get(0).probability());
    }

    static <T> List<T> runAll(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
