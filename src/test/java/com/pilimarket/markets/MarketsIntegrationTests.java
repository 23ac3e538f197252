package com.pilimarket.markets;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class MarketsIntegrationTests {

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
    Forecasts forecasts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemInvariants invariants;

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

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    Map<String, Object> newMarket(String title, List<String> outcomes) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Who will win?");
        body.put("category", "sports");
        body.put("outcomes", outcomes);
        body.put("closes_at", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString());
        return body;
    }

    Result create(Map<String, Object> body) {
        return http.post("/api/v1/admin/markets", body).bearer(admin.token()).send();
    }

    long marketCount() {
        return jdbc.sql("SELECT count(*) FROM markets").query(Long.class).single();
    }

    List<String> fieldsOf(Result result) {
        List<String> fields = new ArrayList<>();
        result.body().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    // ------------------------------------------------------------------ admin

    @Test
    void an_admin_creates_a_market_with_a_transliterated_unique_slug() {
        String word = unique();
        Result first = create(newMarket("Piñata Fiesta " + word + " <script>x</script>", List.of("Sí", "No")));
        Result second = create(newMarket("Piñata Fiesta " + word, List.of("Sí", "No")));

        assertThat(first.status()).isEqualTo(201);
        JsonNode data = first.data();
        assertThat(data.get("slug").asString()).isEqualTo("pinata-fiesta-" + word);
        assertThat(data.get("title").asString()).isEqualTo("Piñata Fiesta " + word);
        assertThat(data.get("status").asString()).isEqualTo("open");
        assertThat(data.get("max_points_per_user").asLong()).isEqualTo(10_000);
        assertThat(data.get("outcomes")).hasSize(2);
        assertThat(data.get("outcomes").get(0).get("probability").asDouble()).isEqualTo(0.5);
        assertThat(data.get("outcomes").get(0).get("payout_per_chip").isNull()).isTrue();
        assertThat(data.get("resolution").isNull()).isTrue();
        assertThat(data.get("my_forecast").isNull()).isTrue();
        assertThat(second.data().get("slug").asString()).isEqualTo("pinata-fiesta-" + word + "-2");
        assertThat(marketReads.history(UUID.fromString(data.get("id").asString()), null))
                .hasSize(1);
    }

    @Test
    void titles_made_only_of_emoji_still_get_a_slug() {
        Result first = create(newMarket("🎉🥳🎊", List.of("Yes", "No")));
        Result second = create(newMarket("🔥🔥🔥", List.of("Yes", "No")));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.data().get("slug").asString()).startsWith("market");
        assertThat(second.data().get("slug").asString()).startsWith("market-");
        assertThat(second.data().get("slug").asString())
                .isNotEqualTo(first.data().get("slug").asString());
    }

    @Test
    void invalid_markets_are_refused_field_by_field_and_nothing_is_created() {
        long before = marketCount();

        Map<String, Object> oneOutcome = newMarket("One outcome", List.of("Yes"));
        Map<String, Object> duplicate = newMarket("Duplicates", List.of("Yes", " yes ", "No"));
        Map<String, Object> tooMany = newMarket(
                "Too many",
                java.util.stream.IntStream.range(0, 21).mapToObj(i -> "O" + i).toList());
        Map<String, Object> past = newMarket("Past", List.of("Yes", "No"));
        past.put("closes_at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString());
        Map<String, Object> badCategory = newMarket("Bad category", List.of("Yes", "No"));
        badCategory.put("category", "weather");
        Map<String, Object> blank = newMarket("<b></b>", List.of("Yes", "<i></i>"));

        assertThat(fieldsOf(create(oneOutcome))).containsExactly("outcomes");
        assertThat(fieldsOf(create(duplicate))).containsExactly("outcomes[1]");
        assertThat(fieldsOf(create(tooMany))).containsExactly("outcomes");
        assertThat(fieldsOf(create(past))).containsExactly("closes_at");
        assertThat(fieldsOf(create(badCategory))).containsExactly("category");
        assertThat(fieldsOf(create(blank))).containsExactly("title", "outcomes[1]");
        assertThat(create(oneOutcome).status()).isEqualTo(400);
        assertThat(marketCount()).isEqualTo(before);
    }

    @Test
    void only_admins_manage_markets() {
        TestUser user = users.create(0);
        TestUser moderator = users.create(0, com.pilimarket.users.UserRole.MODERATOR);
        long before = marketCount();

        assertThat(http.post("/api/v1/admin/markets", newMarket("Nope", List.of("A", "B")))
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/admin/markets", newMarket("Nope", List.of("A", "B")))
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/admin/markets", newMarket("Nope", List.of("A", "B")))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(marketCount()).isEqualTo(before);
    }

    @Test
    void outcomes_can_be_edited_only_while_nobody_has_forecast() {
        MarketDetail market = markets.open("Editable " + unique(), "Yes", "No");

        Result edited = http.patch(
                        "/api/v1/admin/markets/" + market.id(),
                        Map.of("title", "Edited title", "outcomes", List.of("Alpha", "Beta", "Gamma")))
                .bearer(admin.token())
                .send();

        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.data().get("title").asString()).isEqualTo("Edited title");
        assertThat(edited.data().get("slug").asString()).isEqualTo(market.slug());
        assertThat(edited.data().get("outcomes")).hasSize(3);
        MarketDetail now = marketsApi.detail(market.id().toString(), null);
        TestUser user = users.create(100);
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(now, 0), 10));

        Result refused = http.patch("/api/v1/admin/markets/" + market.id(), Map.of("outcomes", List.of("Only", "Two")))
                .bearer(admin.token())
                .send();
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("INVALID_STATE");
        Result lowered = http.patch("/api/v1/admin/markets/" + market.id(), Map.of("max_points_per_user", 5))
                .bearer(admin.token())
                .send();
        assertThat(lowered.errorCode()).isEqualTo("INVALID_STATE");
        Result raised = http.patch("/api/v1/admin/markets/" + market.id(), Map.of("max_points_per_user", 50_000))
                .bearer(admin.token())
                .send();
        assertThat(raised.data().get("max_points_per_user").asLong()).isEqualTo(50_000);
        assertThat(marketsApi.detail(market.id().toString(), null).outcomes()).hasSize(3);
    }

    @Test
    void the_lifecycle_endpoints_follow_the_rules() {
        MarketDetail market = markets.open("Lifecycle " + unique(), "Yes", "No");
        String base = "/api/v1/admin/markets/" + market.id();

        assertThat(http.post(base + "/resume", null)
                        .bearer(admin.token())
                        .send()
                        .errorCode())
                .isEqualTo("INVALID_STATE");
        assertThat(http.post(base + "/suspend", null)
                        .bearer(admin.token())
                        .send()
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("suspended");
        assertThat(http.post(base + "/suspend", null)
                        .bearer(admin.token())
                        .send()
                        .status())
                .isEqualTo(422);
        assertThat(http.post(base + "/resume", null)
                        .bearer(admin.token())
                        .send()
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("open");
        assertThat(http.post(base + "/close", null)
                        .bearer(admin.token())
                        .send()
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("closed");
        Result again = http.post(base + "/close", null).bearer(admin.token()).send();
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorCode()).isEqualTo("INVALID_STATE");
        Result editClose = http.patch(
                        base,
                        Map.of(
                                "closes_at",
                                OffsetDateTime.now(ZoneOffset.UTC).plusDays(9).toString()))
                .bearer(admin.token())
                .send();
        assertThat(editClose.errorCode()).isEqualTo("INVALID_STATE");
        assertThat(http.post("/api/v1/admin/markets/" + UUID.randomUUID() + "/close", null)
                        .bearer(admin.token())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void markets_past_their_closing_time_are_closed_by_the_job() {
        MarketDetail due = markets.open("Due " + unique(), "Yes", "No");
        MarketDetail notDue = markets.open("Not due " + unique(), "Yes", "No");
        jdbc.sql("UPDATE markets SET closes_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", due.id())
                .update();

        assertThat(marketAdmin.closeDue()).isGreaterThanOrEqualTo(1);

        assertThat(marketsApi.detail(due.id().toString(), null).status()).isEqualTo("closed");
        assertThat(marketsApi.detail(notDue.id().toString(), null).status()).isEqualTo("open");
    }

    // ------------------------------------------------------------------ browsing

    @Test
    void search_ignores_case_and_accents() {
        String word = unique();
        MarketDetail market = markets.open("Laban ni Pacquiáo " + word, "Manny", "Opponent");

        for (String q : List.of("pacquiao " + word, "PACQUIÁO " + word, "Pacquiao " + word)) {
            Result result = http.get("/api/v1/markets?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8))
                    .send();
            assertThat(result.status()).isEqualTo(200);
            assertThat(result.data()).hasSize(1);
            assertThat(result.data().get(0).get("id").asString())
                    .isEqualTo(market.id().toString());
        }
        assertThat(http.get("/api/v1/markets?q=%25" + word).send().data()).isEmpty();
    }

    @Test
    void lists_filter_sort_and_page() {
        String word = unique();
        MarketDetail small = markets.open("Volume small " + word, "Yes", "No");
        MarketDetail big = markets.open("Volume big " + word, "Yes", "No");
        MarketDetail suspended = markets.open("Volume suspended " + word, "Yes", "No");
        marketAdmin.suspend(admin.id(), suspended.id());
        TestUser user = users.create(1_000);
        forecasts.place(user.id(), new PlaceForecast(small.id(), outcome(small, 0), 10));
        forecasts.place(user.id(), new PlaceForecast(big.id(), outcome(big, 1), 500));

        Result byVolume = http.get("/api/v1/markets?q=" + word + "&sort=volume&order=desc&status=open")
                .send();
        assertThat(byVolume.data())
                .extracting(n -> n.get("id").asString())
                .containsExactly(big.id().toString(), small.id().toString());
        JsonNode first = byVolume.data().get(0);
        assertThat(first.get("total_points").asLong()).isEqualTo(500);
        assertThat(first.get("forecaster_count").asInt()).isEqualTo(1);
        assertThat(first.get("outcomes").get(1).get("pool_share").asDouble()).isEqualTo(1.0);
        assertThat(first.get("outcomes").get(1).get("payout_per_chip").asDouble())
                .isEqualTo(1.0);
        assertThat(byVolume.body().get("pagination").get("total").asLong()).isEqualTo(2);

        Result paged = http.get("/api/v1/markets?q=" + word + "&sort=created_at&order=asc&limit=1&page=2")
                .send();
        assertThat(paged.data())
                .extracting(n -> n.get("id").asString())
                .containsExactly(big.id().toString());
        assertThat(paged.body().get("pagination").get("pages").asInt()).isEqualTo(3);

        Result bySuspended = http.get("/api/v1/markets?q=" + word + "&status=suspended&category=sports")
                .send();
        assertThat(bySuspended.data()).hasSize(1);
        assertThat(http.get("/api/v1/markets?q=" + word + "&category=crypto")
                        .send()
                        .data())
                .isEmpty();
    }

    @Test
    void unknown_sort_category_status_or_order_is_a_validation_error() {
        for (String query : List.of("sort=popularity", "category=weather", "status=live", "order=up", "limit=101")) {
            Result result = http.get("/api/v1/markets?" + query).send();
            assertThat(result.status()).as(query).isEqualTo(400);
            assertThat(result.errorCode()).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void a_market_is_found_by_id_or_slug_and_shows_the_callers_forecast() {
        MarketDetail market = markets.open("Detail " + unique(), "Yes", "No");
        TestUser user = users.create(1_000);
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, 0), 40));

        Result bySlug = http.get("/api/v1/markets/" + market.slug())
                .bearer(user.token())
                .send();
        Result byId = http.get("/api/v1/markets/" + market.id()).send();

        assertThat(bySlug.data().get("my_forecast").get("points").asLong()).isEqualTo(40);
        assertThat(bySlug.data().get("my_forecast").get("outcome_id").asString())
                .isEqualTo(outcome(market, 0).toString());
        assertThat(byId.data().get("my_forecast").isNull()).isTrue();
        assertThat(byId.data().get("total_points").asLong()).isEqualTo(40);
        assertThat(http.get("/api/v1/markets/no-such-market").send().status()).isEqualTo(404);
        assertThat(http.get("/api/v1/markets/" + UUID.randomUUID()).send().status())
                .isEqualTo(404);
    }

    @Test
    void history_records_each_forecast_and_filters_by_range() {
        MarketDetail market = markets.open("History " + unique(), "Yes", "No");
        TestUser user = users.create(1_000);
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, 0), 100));
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, 0), 100));
        jdbc.sql(
                        "INSERT INTO market_history (market_id, at, probabilities) VALUES (:m, now() - interval '10 days', '{}')")
                .param("m", market.id())
                .update();

        Result all = http.get("/api/v1/markets/" + market.id() + "/history?range=all")
                .send();
        Result day = http.get("/api/v1/markets/" + market.id() + "/history?range=24h")
                .send();

        assertThat(all.data()).hasSize(4);
        assertThat(day.data()).hasSize(3);
        JsonNode last = day.data().get(2).get("probabilities");
        // (50 + 200) / 300
        assertThat(last.get(outcome(market, 0).toString()).asDouble()).isEqualTo(250.0 / 300);
        assertThat(http.get("/api/v1/markets/" + market.id() + "/history?range=1y")
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_forecasts_of_a_market_show_public_user_views_newest_first() {
        MarketDetail market = markets.open("Forecast list " + unique(), "Yes", "No");
        TestUser first = users.create(1_000);
        TestUser second = users.create(1_000);
        forecasts.place(first.id(), new PlaceForecast(market.id(), outcome(market, 0), 10));
        forecasts.place(second.id(), new PlaceForecast(market.id(), outcome(market, 1), 20));

        Result list = http.get("/api/v1/markets/" + market.id() + "/forecasts").send();

        assertThat(list.data()).hasSize(2);
        JsonNode newest = list.data().get(0);
        assertThat(newest.get("user").get("id").asString())
                .isEqualTo(second.id().toString());
        assertThat(newest.get("user").get("display_name").asString()).isEqualTo("Tester");
        assertThat(newest.get("user").has("email")).isFalse();
        assertThat(newest.get("points").asLong()).isEqualTo(20);
        assertThat(http.get("/api/v1/markets/" + UUID.randomUUID() + "/forecasts")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void watching_is_idempotent_and_needs_a_login() {
        MarketDetail market = markets.open("Watch " + unique(), "Yes", "No");
        TestUser user = users.create(0);
        String path = "/api/v1/markets/" + market.id() + "/watch";

        assertThat(http.post(path, null).bearer(user.token()).send().status()).isEqualTo(200);
        assertThat(http.post(path, null)
                        .bearer(user.token())
                        .send()
                        .data()
                        .get("watching")
                        .asBoolean())
                .isTrue();
        assertThat(http.get("/api/v1/markets/" + market.id())
                        .bearer(user.token())
                        .send()
                        .data()
                        .get("watching")
                        .asBoolean())
                .isTrue();
        assertThat(http.delete(path).bearer(user.token()).send().status()).isEqualTo(200);
        assertThat(http.delete(path)
                        .bearer(user.token())
                        .send()
                        .data()
                        .get("watching")
                        .asBoolean())
                .isFalse();
        assertThat(http.get("/api/v1/markets/" + market.id())
                        .bearer(user.token())
                        .send()
                        .data()
                        .get("watching")
                        .asBoolean())
                .isFalse();
        assertThat(http.post(path, null).send().status()).isEqualTo(401);
        assertThat(http.post("/api/v1/markets/" + UUID.randomUUID() + "/watch", null)
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void the_stream_pushes_fresh_odds_after_each_forecast() throws Exception {
        MarketDetail market = markets.open("Stream " + unique(), "Yes", "No");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(http.baseUrl() + "/api/v1/markets/" + market.id() + "/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        List<String> events = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while (events.size() < 2 && (line = reader.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        synchronized (events) {
                            events.add(line.substring(5));
                        }
                    }
                }
            } catch (Exception ignored) {
                // the stream is closed at the end of the test
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        TestUser user = users.create(1_000);
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, 1), 300));

        reading.get(10, TimeUnit.SECONDS);
        response.body().close();

        JsonNode initial = new tools.jackson.databind.ObjectMapper().readTree(events.get(0));
        JsonNode update = new tools.jackson.databind.ObjectMapper().readTree(events.get(1));
        assertThat(initial.get("total_points").asLong()).isZero();
        assertThat(update.get("total_points").asLong()).isEqualTo(300);
        assertThat(update.get("outcomes").get(1).get("probability").asDouble()).isEqualTo(350.0 / 400);
    }
}
