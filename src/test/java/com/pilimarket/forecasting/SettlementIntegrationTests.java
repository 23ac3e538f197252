package com.pilimarket.forecasting;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import com.pilimarket.users.UserRole;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Resolution, cancellation and payouts; small batches so that a failure can land between two of them. */
@IntegrationTest
@TestPropertySource(properties = "pilimarket.settlement.batch-size=4")
class SettlementIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets marketsApi;

    @Autowired
    com.pilimarket.markets.internal.MarketAdministration marketAdmin;

    @Autowired
    Forecasts forecasts;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    IncompleteEventPublications publications;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    TestMarkets markets;

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.admin();
    }

    @AfterEach
    void invariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    TestUser forecaster(MarketDetail market, int outcome, long points) {
        TestUser user = users.create(1_000);
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, outcome), points));
        return user;
    }

    Result resolve(TestUser by, MarketDetail market, int outcome) {
        return http.post(
                        "/api/v1/admin/markets/" + market.id() + "/resolve",
                        Map.of(
                                "outcome_id", outcome(market, outcome),
                                "evidence_urls", List.of("https://www.pba.ph/results"),
                                "resolution_note", "Final score <b>confirmed</b>"))
                .bearer(by.token())
                .send();
    }

    Result cancel(TestUser by, MarketDetail market, String reason) {
        return http.post("/api/v1/admin/markets/" + market.id() + "/cancel", Map.of("reason", reason))
                .bearer(by.token())
                .send();
    }

    long chips(TestUser user) {
        return ledger.balanceOf(Account.user(user.id()));
    }

    String status(TestUser user, MarketDetail market) {
        return jdbc.sql("SELECT status FROM forecasts WHERE user_id = :u AND market_id = :m")
                .param("u", user.id())
                .param("m", market.id())
                .query(String.class)
                .single();
    }

    boolean settled(MarketDetail market) {
        return jdbc.sql("SELECT settled_at IS NOT NULL FROM markets WHERE id = :m")
                .param("m", market.id())
                .query(Boolean.class)
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

    @Test
    void resolving_pays_each_winner_the_floor_of_their_share_and_the_breakage_to_the_house() throws Exception {
        MarketDetail market = markets.open("Will it rain in Manila?", "Yes", "No");
        TestUser a = forecaster(market, 0, 100);
        TestUser b = forecaster(market, 0, 100);
        TestUser c = forecaster(market, 0, 100);
        TestUser loser = forecaster(market, 1, 100);
        long houseBefore = ledger.balanceOf(Account.HOUSE);

        Result resolved = resolve(admin, market, 0);

        assertThat(resolved.status()).isEqualTo(200);
        assertThat(resolved.data().get("status").asString()).isEqualTo("resolved");
        assertThat(resolved.data().get("resolution").get("resolution_note").asString())
                .isEqualTo("Final score confirmed");
        await("settlement", () -> settled(market));
        // T = 400, A_w = 300: each winner floor(100 × 400 / 300) = 133; the house gets 400 − 399 = 1.
        for (TestUser winner : List.of(a, b, c)) {
            assertThat(chips(winner)).isEqualTo(900 + 133);
            assertThat(status(winner, market)).isEqualTo("won");
        }
        assertThat(chips(loser)).isEqualTo(900);
        assertThat(status(loser, market)).isEqualTo("lost");
        assertThat(ledger.balanceOf(Account.HOUSE) - houseBefore).isEqualTo(1);
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isZero();
        assertThat(ledger.isPosted("payout:" + market.id() + ":" + a.id())).isTrue();
        assertThat(ledger.isPosted("house:" + market.id())).isTrue();
        MarketDetail detail = marketsApi.detail(market.id().toString(), a.id());
        assertThat(detail.myForecast().status()).isEqualTo("won");
        assertThat(detail.myForecast().payout()).isEqualTo(133);
        assertThat(detail.settledAt()).isNotNull();
    }

    @Test
    void the_listeners_read_each_settled_forecast_with_its_times_to_the_microsecond() throws Exception {
        MarketDetail market = markets.open("Will the jeepney fare rise?", "Yes", "No");
        TestUser winner = forecaster(market, 0, 120);
        TestUser loser = forecaster(market, 1, 80);
        assertThat(resolve(admin, market, 0).status()).isEqualTo(200);
        await("settlement", () -> settled(market));
        List<UUID> ids = jdbc.sql("SELECT id FROM forecasts WHERE market_id = :m")
                .param("m", market.id())
                .query(UUID.class)
                .list();

        List<ForecastSettled> read = forecasts.settledIn(new SettledBatch(
                market.id(),
                market.category(),
                outcome(market, 0),
                false,
                false,
                market.createdAt().toInstant(),
                java.time.Instant.now(),
                ids.size(),
                ids));

        assertThat(read).hasSize(2);
        for (ForecastSettled forecast : read) {
            // What is stored, as PostgreSQL keeps it (microseconds), not rounded to milliseconds.
            Map<String, Object> stored = jdbc.sql(
                            "SELECT created_at, settled_at, user_id FROM forecasts WHERE id = :id")
                    .param("id", forecast.forecastId())
                    .query()
                    .singleRow();
            assertThat(forecast.placedAt()).isEqualTo(((java.sql.Timestamp) stored.get("created_at")).toInstant());
            assertThat(forecast.settledAt()).isEqualTo(((java.sql.Timestamp) stored.get("settled_at")).toInstant());
            assertThat(forecast.userId()).isEqualTo(stored.get("user_id"));
            assertThat(forecast.won()).isEqualTo(forecast.userId().equals(winner.id()));
        }
        assertThat(read).extracting(ForecastSettled::userId).containsExactlyInAnyOrder(winner.id(), loser.id());
    }

    @Test
    void when_nobody_backed_the_winner_every_stake_is_refunded() throws Exception {
        MarketDetail market = markets.open("Upset market", "Favourite", "Underdog");
        TestUser a = forecaster(market, 0, 250);
        TestUser b = forecaster(market, 0, 50);

        assertThat(resolve(admin, market, 1).status()).isEqualTo(200);

        await("settlement", () -> settled(market));
        assertThat(chips(a)).isEqualTo(1_000);
        assertThat(chips(b)).isEqualTo(1_000);
        assertThat(status(a, market)).isEqualTo("refunded");
        assertThat(ledger.isPosted("refund:" + market.id() + ":" + a.id())).isTrue();
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isZero();
    }

    @Test
    void cancelling_refunds_every_stake_exactly() throws Exception {
        MarketDetail market = markets.open("Cancelled fight", "Red", "Blue", "Draw");
        List<TestUser> people = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            people.add(forecaster(market, i % 3, 10 + i * 7));
        }

        Result cancelled = cancel(admin, market, "The fight was called off");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.data().get("status").asString()).isEqualTo("cancelled");
        await("refunds", () -> settled(market));
        people.forEach(p -> {
            assertThat(chips(p)).isEqualTo(1_000);
            assertThat(status(p, market)).isEqualTo("refunded");
        });
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isZero();
    }

    @Test
    void the_chip_statement_names_the_market_of_a_forecast_and_of_its_payout() throws Exception {
        MarketDetail market = markets.open("Will Gilas win the opener?", "Yes", "No");
        TestUser winner = forecaster(market, 0, 100);
        forecaster(market, 1, 100);
        resolve(admin, market, 0);
        await("settlement", () -> settled(market));

        Result statement =
                http.get("/api/v1/users/me/transactions").bearer(winner.token()).send();

        assertThat(statement.status()).isEqualTo(200);
        var lines = statement.data();
        assertThat(lines).hasSize(3);
        var payout = lines.get(0);
        var forecast = lines.get(1);
        var bonus = lines.get(2);
        assertThat(payout.get("reason_code").asString()).isEqualTo("payout");
        assertThat(forecast.get("reason_code").asString()).isEqualTo("forecast");
        for (var line : List.of(payout, forecast)) {
            assertThat(line.get("market_id").asString()).isEqualTo(market.id().toString());
            assertThat(line.get("market").get("title").asString()).isEqualTo("Will Gilas win the opener?");
            assertThat(line.get("market").get("slug").asString()).isEqualTo(market.slug());
        }
        assertThat(bonus.get("market").isNull()).as("a line without a market").isTrue();
        assertThat(bonus.get("market_id").isNull()).isTrue();
    }

    @Test
    void a_settlement_that_fails_half_way_resumes_and_pays_everyone_exactly_once() throws Exception {
        MarketDetail market = markets.open("Crash-test market", "Yes", "No");
        List<TestUser> winners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            winners.add(forecaster(market, 0, 10 + i));
        }
        TestUser loser = forecaster(market, 1, 333);
        // Settlement walks forecasts in user order, four per batch. Ids are random, so find a winner in
        // the second batch to fail on, and count the winners the first batch pays before it.
        List<UUID> inUserOrder = jdbc.sql("SELECT user_id FROM forecasts WHERE market_id = :m ORDER BY user_id")
                .param("m", market.id())
                .query(UUID.class)
                .list();
        java.util.Set<UUID> winnerIds = winners.stream().map(TestUser::id).collect(java.util.stream.Collectors.toSet());
        UUID seventh = inUserOrder.subList(4, 8).stream()
                .filter(winnerIds::contains)
                .findFirst()
                .orElseThrow();
        long paidByFirstBatch =
                inUserOrder.subList(0, 4).stream().filter(winnerIds::contains).count();
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION test_fail_payout() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.reference = 'payout:%s:%s' THEN
                                RAISE EXCEPTION 'injected failure';
                            END IF;
                            RETURN NEW;
                        END $$
                        """.formatted(market.id(), seventh)).update();
        jdbc.sql("CREATE TRIGGER test_fail_payout BEFORE INSERT ON ledger_transactions"
                        + " FOR EACH ROW EXECUTE FUNCTION test_fail_payout()")
                .update();
        try {
            assertThat(resolve(admin, market, 0).status()).isEqualTo(200);
            await("the failed attempt", () -> incompleteSettlements() == 1 && failedAttempts() >= 1);
        } finally {
            jdbc.sql("DROP TRIGGER test_fail_payout ON ledger_transactions").update();
        }
        assertThat(settled(market)).isFalse();
        assertThat(pending(market))
                .as("the first batch committed, the rest waits")
                .isEqualTo(7);
        assertThat(payoutsPosted(market)).isEqualTo(paidByFirstBatch);

        publications.resubmitIncompletePublications(p -> true);

        await("settlement", () -> settled(market) && incompleteSettlements() == 0);
        assertThat(pending(market)).isZero();
        assertThat(payoutsPosted(market)).isEqualTo(10);
        long pool = 10 * 10 + 45 + 333; // 478
        long winning = 145;
        long paid = 0;
        for (int i = 0; i < winners.size(); i++) {
            long stake = 10 + i;
            long payout = stake * pool / winning;
            assertThat(chips(winners.get(i))).isEqualTo(1_000 - stake + payout);
            paid += payout;
        }
        assertThat(chips(loser)).isEqualTo(1_000 - 333);
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isZero();
        assertThat(house(market)).isEqualTo(pool - paid);
        // Re-running a finished settlement changes nothing.
        publications.resubmitIncompletePublications(p -> true);
        assertThat(payoutsPosted(market)).isEqualTo(10);
        // Each forecast was announced to the listeners once, by the batch that settled it: the first
        // batch, then the re-run's two (the failed batch's event was rolled back with its payouts; the
        // re-run's first slice marked nothing and announced nothing).
        List<List<UUID>> batches = settledBatches(market);
        assertThat(batches).extracting(List::size).containsExactly(4, 4, 3);
        assertThat(batches.stream().flatMap(List::stream).toList())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(jdbc.sql("SELECT id FROM forecasts WHERE market_id = :m")
                        .param("m", market.id())
                        .query(UUID.class)
                        .list());
    }

    /** The forecast ids of the market's {@code SettledBatch} events, in the order they were published. */
    List<List<UUID>> settledBatches(MarketDetail market) {
        return jdbc.sql("""
                        SELECT serialized_event FROM event_publication
                        WHERE event_type LIKE '%SettledBatch' AND listener_id LIKE '%ReputationListeners%'
                          AND serialized_event LIKE :m
                        ORDER BY publication_date
                        """).param("m", "%" + market.id() + "%").query(String.class).list().stream()
                .map(event -> {
                    JsonNode ids = JSON.readTree(event).get("forecast_ids");
                    assertThat(ids).as(event).isNotNull();
                    return ids.valueStream()
                            .map(id -> UUID.fromString(id.asString()))
                            .toList();
                })
                .toList();
    }

    @Test
    void a_settlement_retried_after_a_house_fee_change_completes_with_the_fee_of_its_resolution() throws Exception {
        MarketDetail market = markets.open("Fee-change market", "Yes", "No");
        List<TestUser> winners = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            winners.add(forecaster(market, 0, 10 + i));
        }
        forecaster(market, 1, 333);
        // Fail on a winner beyond the first batch (four forecasts, user order): the first run posts the
        // house share and the first batch, then stops.
        List<UUID> inUserOrder = jdbc.sql("SELECT user_id FROM forecasts WHERE market_id = :m ORDER BY user_id")
                .param("m", market.id())
                .query(UUID.class)
                .list();
        java.util.Set<UUID> winnerIds = winners.stream().map(TestUser::id).collect(java.util.stream.Collectors.toSet());
        UUID failOn = inUserOrder.subList(4, 11).stream()
                .filter(winnerIds::contains)
                .findFirst()
                .orElseThrow();
        jdbc.sql("""
                        CREATE OR REPLACE FUNCTION test_fail_fee_payout() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.reference = 'payout:%s:%s' THEN
                                RAISE EXCEPTION 'injected failure';
                            END IF;
                            RETURN NEW;
                        END $$
                        """.formatted(market.id(), failOn)).update();
        jdbc.sql("CREATE TRIGGER test_fail_fee_payout BEFORE INSERT ON ledger_transactions"
                        + " FOR EACH ROW EXECUTE FUNCTION test_fail_fee_payout()")
                .update();
        try {
            assertThat(resolve(admin, market, 0).status()).isEqualTo(200);
            await("the failed attempt", () -> incompleteSettlements() == 1 && failedAttempts() >= 1);
        } finally {
            jdbc.sql("DROP TRIGGER test_fail_fee_payout ON ledger_transactions").update();
        }
        assertThat(settled(market)).isFalse();
        long pool = 10 * 10 + 45 + 333; // 478, at a fee of 0 %: the house keeps the breakage only
        long houseAtResolution = house(market);
        assertThat(houseAtResolution).isPositive().isLessThan(10);

        // The operator changes the fee (a new configuration) before the retry.
        Object service =
                org.springframework.test.util.AopTestUtils.getUltimateTargetObject(context.getBean("marketOdds"));
        Object fee = org.springframework.test.util.ReflectionTestUtils.getField(service, "feePercent");
        org.springframework.test.util.ReflectionTestUtils.setField(
                service, "feePercent", new java.math.BigDecimal("10"));
        try {
            publications.resubmitIncompletePublications(p -> true);
            await("settlement after the fee change", () -> settled(market) && incompleteSettlements() == 0);
        } finally {
            org.springframework.test.util.ReflectionTestUtils.setField(service, "feePercent", fee);
        }
        assertThat(pending(market)).isZero();
        long winning = 145;
        long paid = 0;
        for (int i = 0; i < winners.size(); i++) {
            long stake = 10 + i;
            long payout = stake * pool / winning;
            assertThat(chips(winners.get(i))).isEqualTo(1_000 - stake + payout);
            paid += payout;
        }
        assertThat(house(market)).isEqualTo(houseAtResolution).isEqualTo(pool - paid);
        assertThat(ledger.balanceOf(Account.pool(market.id()))).isZero();
    }

    @Test
    void a_final_market_left_unsettled_for_minutes_is_reported_by_the_invariant_check() {
        MarketDetail market = markets.open("Stuck market", "Yes", "No");
        forecaster(market, 0, 10);
        // A resolved market whose settlement never ran (say its event publication was lost), resolved
        // ten minutes ago: its pool still holds the stake and every sum of the ledger agrees.
        jdbc.sql("""
                        UPDATE markets SET status = 'resolved', resolution_outcome = :o,
                               resolution_time = now() - interval '10 minutes'
                        WHERE id = :m
                        """).param("o", outcome(market, 0)).param("m", market.id()).update();
        try {
            assertThat(invariants.check().violations())
                    .anySatisfy(
                            v -> assertThat(v).contains("market " + market.id()).contains("unsettled"));
        } finally {
            // Put it back to open so that the other checks (and the @AfterEach) see a consistent market.
            jdbc.sql("UPDATE markets SET status = 'open', resolution_outcome = NULL, resolution_time = NULL"
                            + " WHERE id = :m")
                    .param("m", market.id())
                    .update();
        }
    }

    long pending(MarketDetail market) {
        return jdbc.sql("SELECT count(*) FROM forecasts WHERE market_id = :m AND status = 'pending'")
                .param("m", market.id())
                .query(Long.class)
                .single();
    }

    long payoutsPosted(MarketDetail market) {
        return jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE reference LIKE :r")
                .param("r", "payout:" + market.id() + ":%")
                .query(Long.class)
                .single();
    }

    long house(MarketDetail market) {
        return jdbc.sql("""
                        SELECT coalesce(sum(e.amount), 0) FROM ledger_entries e
                        JOIN ledger_transactions t ON t.id = e.transaction_id
                        WHERE t.reference = :r AND e.account = 'HOUSE'
                        """)
                .param("r", "house:" + market.id())
                .query(Long.class)
                .single();
    }

    long incompleteSettlements() {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE completion_date IS NULL AND listener_id LIKE '%SettlementListener%'
                        """).query(Long.class).single();
    }

    long failedAttempts() {
        return jdbc.sql("""
                        SELECT count(*) FROM event_publication
                        WHERE completion_date IS NULL AND listener_id LIKE '%SettlementListener%' AND status = 'FAILED'
                        """).query(Long.class).single();
    }

    // ------------------------------------------------------------------ refusals

    record State(String status, long pool, long adminChips, long resolutions, long transactions) {}

    State state(MarketDetail market, TestUser actor) {
        return new State(
                marketsApi.detail(market.id().toString(), null).status(),
                ledger.balanceOf(Account.pool(market.id())),
                chips(actor),
                jdbc.sql("SELECT count(*) FROM resolutions WHERE market_id = :m")
                        .param("m", market.id())
                        .query(Long.class)
                        .single(),
                jdbc.sql("SELECT count(*) FROM ledger_transactions")
                        .query(Long.class)
                        .single());
    }

    /** Sends {@code request} and checks it is refused with {@code status}/{@code code} and changes nothing. */
    void assertRefused(MarketDetail market, TestUser actor, Supplier<Result> request, int status, String code) {
        State before = state(market, actor);
        Result result = request.get();
        assertThat(result.status()).as(result.raw().body()).isEqualTo(status);
        assertThat(result.errorCode()).isEqualTo(code);
        assertThat(state(market, actor)).isEqualTo(before);
    }

    Result resolveWith(TestUser by, MarketDetail market, Map<String, Object> body) {
        return http.post("/api/v1/admin/markets/" + market.id() + "/resolve", body)
                .bearer(by.token())
                .send();
    }

    @ParameterizedTest(name = "a resolution {0} is refused")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            without evidence                  | none                | x        | false
            with javascript: evidence         | javascript:alert(1) | x        | false
            with ftp: evidence                | ftp://example.com/x | x        | false
            with a note that is only markup   | https://example.com | <p> </p> | false
            with an outcome of another market | https://example.com | x        | true
            """)
    void a_resolution_needs_an_outcome_of_the_market_http_evidence_and_a_note(
            String name, String evidence, String note, boolean otherMarketsOutcome) {
        MarketDetail market = markets.open("Evidence market", "Yes", "No");
        forecaster(market, 0, 10);
        Map<String, Object> body = new HashMap<>();
        body.put(
                "outcome_id",
                otherMarketsOutcome ? outcome(markets.open("Other market", "Yes", "No"), 0) : outcome(market, 0));
        if (evidence != null) {
            body.put("evidence_urls", List.of(evidence));
        }
        body.put("resolution_note", note);

        assertRefused(market, admin, () -> resolveWith(admin, market, body), 400, "VALIDATION_FAILED");
    }

    @Test
    void a_resolver_holding_a_forecast_may_not_resolve() {
        MarketDetail market = markets.open("Conflicted market", "Yes", "No");
        TestUser insider = users.create(1_000, UserRole.ADMIN);
        forecasts.place(insider.id(), new PlaceForecast(market.id(), outcome(market, 0), 10));

        assertRefused(market, insider, () -> resolve(insider, market, 0), 422, "RESOLVER_HAS_POSITION");
    }

    @Test
    void a_second_resolution_is_a_conflict_and_final_markets_cannot_be_cancelled_or_resolved() throws Exception {
        MarketDetail market = markets.open("Twice market", "Yes", "No");
        forecaster(market, 0, 10);
        assertThat(resolve(admin, market, 0).status()).isEqualTo(200);
        await("settlement", () -> settled(market));

        assertRefused(market, admin, () -> resolve(admin, market, 1), 409, "ALREADY_RESOLVED");
        assertRefused(market, admin, () -> cancel(admin, market, "oops"), 422, "INVALID_STATE");

        MarketDetail cancelled = markets.open("Cancelled first", "Yes", "No");
        marketAdmin.cancel(admin.id(), cancelled.id(), "duplicate");
        assertRefused(cancelled, admin, () -> resolve(admin, cancelled, 0), 422, "INVALID_STATE");
    }

    enum Action {
        RESOLVE,
        CANCEL,
        CANCEL_WITHOUT_REASON
    }

    @ParameterizedTest(name = "{0} doing {1}: {2} {3}")
    @CsvSource({
        "ADMIN,     CANCEL_WITHOUT_REASON, 400, VALIDATION_FAILED",
        "USER,      RESOLVE,               403, FORBIDDEN",
        "USER,      CANCEL,                403, FORBIDDEN",
        "MODERATOR, RESOLVE,               403, FORBIDDEN"
    })
    void cancelling_needs_a_reason_and_only_admins_may_resolve_or_cancel(
            UserRole role, Action action, int status, String code) {
        MarketDetail market = markets.open("Reasonless market", "Yes", "No");
        TestUser actor = role == UserRole.ADMIN ? admin : users.create(1_000, role);
        Supplier<Result> request = switch (action) {
            case RESOLVE -> () -> resolve(actor, market, 0);
            case CANCEL -> () -> cancel(actor, market, "Not wanted");
            case CANCEL_WITHOUT_REASON -> () -> cancel(actor, market, " ");
        };

        assertRefused(market, actor, request, status, code);
    }

    @Test
    void anonymous_callers_may_not_resolve() {
        MarketDetail market = markets.open("Anonymous market", "Yes", "No");
        assertThat(http.post("/api/v1/admin/markets/" + market.id() + "/resolve", Map.of())
                        .send()
                        .status())
                .isEqualTo(401);
    }
}
