package com.pilimarket.notifications.internal;

import static com.pilimarket.support.TestEvents.win;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.reputation.BadgeCatalog;
import com.pilimarket.reputation.BadgeEarned;
import com.pilimarket.reputation.BadgesEarned;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.SseClient;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class NotificationIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestHttp http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Markets marketsApi;

    @Autowired
    TestMarkets markets;

    @Autowired
    Forecasts forecasts;

    @Autowired
    ForecastReminderJob reminders;

    @Autowired
    TestEvents events;

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.admin();
    }

    @Test
    void a_resolution_notifies_each_forecaster_once_with_their_payout() {
        TestUser big = users.create(1_000);
        TestUser small = users.create(1_000);
        TestUser loser = users.create(1_000);
        MarketDetail market = markets.open("Will it rain in Manila?", "Yes", "No");
        UUID yes = TestMarkets.outcome(market, 0);
        forecasts.place(big.id(), new PlaceForecast(market.id(), yes, 300));
        forecasts.place(small.id(), new PlaceForecast(market.id(), yes, 100));
        forecasts.place(loser.id(), new PlaceForecast(market.id(), TestMarkets.outcome(market, 1), 100));
        // Settlement (forecasting) publishes the SettledBatch this module consumes.
        marketsApi.resolve(admin.id(), market.id(), new ResolveMarket(yes, List.of("https://example.ph"), "Rain"));
        events.awaitListeners();
        // Redelivered (the event names the forecasts; they are read again): nobody is notified twice.
        events.publishAndWait(new SettledBatch(
                market.id(),
                "sports",
                yes,
                false,
                false,
                market.createdAt().toInstant(),
                Instant.now(),
                3,
                jdbc.sql("SELECT id FROM forecasts WHERE market_id = :m")
                        .param("m", market.id())
                        .query(UUID.class)
                        .list()));

        // Pool 500, winners' stakes 400: 300 → 375, 100 → 125.
        assertThat(resolved(big)).singleElement().satisfies(n -> {
            assertThat(n.get("metadata").get("payout").asLong()).isEqualTo(375);
            assertThat(n.get("metadata").get("won").asBoolean()).isTrue();
            // The market's part of the metadata (written once per batch) and the forecast's own fields.
            JsonNode metadata = n.get("metadata");
            assertThat(metadata.get("title").asString()).isEqualTo("Will it rain in Manila?");
            assertThat(metadata.get("slug").asString()).isEqualTo(market.slug());
            assertThat(metadata.get("winning_outcome").asString()).isEqualTo("Yes");
            assertThat(metadata.get("winning_outcome_id").asString()).isEqualTo(yes.toString());
            assertThat(metadata.get("cancelled").isBoolean()).isTrue();
            assertThat(metadata.get("cancelled").asBoolean()).isFalse();
            assertThat(metadata.get("refunded").isBoolean()).isTrue();
            assertThat(metadata.get("stake").isNumber()).isTrue();
            assertThat(metadata.get("stake").asLong()).isEqualTo(300);
            assertThat(metadata.get("forecast_id").asString()).isNotBlank();
            assertThat(n.get("message").asString()).contains("₱375").contains("Yes");
            assertThat(n.get("market_id").asString()).isEqualTo(market.id().toString());
            assertThat(n.get("is_read").asBoolean()).isFalse();
        });
        assertThat(resolved(small))
                .singleElement()
                .satisfies(n ->
                        assertThat(n.get("metadata").get("payout").asLong()).isEqualTo(125));
        assertThat(resolved(loser)).singleElement().satisfies(n -> {
            assertThat(n.get("metadata").get("payout").asLong()).isZero();
            assertThat(n.get("metadata").get("won").asBoolean()).isFalse();
        });
        assertThat(resolved(admin)).isEmpty();
        // The market's part is stored once for all three; each row keeps only its forecast's fields.
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT shared_id) || ' shared, '
                               || count(*) FILTER (WHERE shared_id IS NULL OR metadata -> 'title' IS NOT NULL)
                               || ' with the market in the row'
                        FROM notifications WHERE type = 'market_resolved' AND dedupe_key LIKE :key
                        """)
                        .param("key", "resolved:" + market.id() + ":%")
                        .query(String.class)
                        .single())
                .isEqualTo("1 shared, 0 with the market in the row");
    }

    /**
     * A badge's notifications keep their metadata once per badge (notification_shared) and the list
     * joins it back: the API shows the same {badge, name} as when each row carried it.
     */
    @Test
    void badge_notifications_show_their_badge_from_the_part_they_share() {
        TestUser first = users.create(0);
        TestUser second = users.create(0);
        Instant now = Instant.now();
        BadgesEarned earned = new BadgesEarned(List.of(
                new BadgeEarned(first.id(), BadgeCatalog.FIRST_WIN, now),
                new BadgeEarned(second.id(), BadgeCatalog.FIRST_WIN, now),
                new BadgeEarned(first.id(), BadgeCatalog.SHARP_10, now)));
        events.publishAndWait(earned);
        events.publishAndWait(earned); // redelivered: nobody is notified twice

        List<JsonNode> firsts = badges(first);
        assertThat(firsts).hasSize(2);
        assertThat(firsts).allSatisfy(n -> {
            JsonNode metadata = n.get("metadata");
            assertThat(metadata.propertyNames()).containsExactlyInAnyOrder("badge", "name");
            assertThat(metadata.get("name").asString())
                    .isEqualTo(BadgeCatalog.name(metadata.get("badge").asString()));
        });
        assertThat(firsts)
                .extracting(n -> n.get("metadata").get("badge").asString())
                .containsExactlyInAnyOrder(BadgeCatalog.FIRST_WIN, BadgeCatalog.SHARP_10);
        assertThat(firsts).allSatisfy(n -> {
            assertThat(n.get("title").asString()).isNotBlank();
            assertThat(n.get("message").asString()).isNotBlank();
        });
        assertThat(badges(second)).singleElement().satisfies(n -> {
            assertThat(n.get("metadata").get("badge").asString()).isEqualTo(BadgeCatalog.FIRST_WIN);
            assertThat(n.get("metadata").get("name").asString()).isEqualTo(BadgeCatalog.name(BadgeCatalog.FIRST_WIN));
            assertThat(n.get("message").asString()).contains(BadgeCatalog.name(BadgeCatalog.FIRST_WIN));
        });
        // Stored once per badge; the rows keep nothing of their own.
        assertThat(jdbc.sql("""
                        SELECT count(DISTINCT shared_id) || ' shared, '
                               || count(*) FILTER (WHERE shared_id IS NULL OR metadata <> '{}'::jsonb)
                               || ' with the badge in the row'
                        FROM notifications WHERE type = 'badge_earned' AND user_id IN (:a, :b)
                        """)
                        .param("a", first.id())
                        .param("b", second.id())
                        .query(String.class)
                        .single())
                .isEqualTo("2 shared, 0 with the badge in the row");
    }

    @Test
    void a_type_turned_off_is_not_notified() {
        TestUser user = users.create(0);
        JsonNode defaults = http.get("/api/v1/users/me/notification-preferences")
                .bearer(user.token())
                .send()
                .data();
        assertThat(defaults.get("market_resolved").asBoolean()).isTrue();
        assertThat(defaults.get("badge_earned").asBoolean()).isTrue();
        assertThat(defaults.get("new_market").asBoolean()).isTrue();
        assertThat(defaults.get("forecast_reminder").asBoolean()).isTrue();

        JsonNode saved = http.put("/api/v1/users/me/notification-preferences", Map.of("market_resolved", false))
                .bearer(user.token())
                .send()
                .data();
        assertThat(saved.get("market_resolved").asBoolean()).isFalse();
        assertThat(saved.get("badge_earned").asBoolean()).isTrue();

        events.settleAndWait(UUID.randomUUID(), Instant.now(), win(user.id(), 0.5));
        assertThat(resolved(user)).isEmpty();
        assertThat(types(user)).containsExactly("badge_earned"); // first_win still arrives

        assertThat(http.put("/api/v1/users/me/notification-preferences", Map.of("new_market_categories", List.of("x")))
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/users/me/notification-preferences").send().status())
                .isEqualTo(401);
    }

    @Test
    void notifications_are_read_one_by_one_or_all_and_only_by_their_owner() {
        TestUser user = users.create(0);
        TestUser other = users.create(0);
        events.publishAndWait(new BadgesEarned(List.of(new BadgeEarned(user.id(), "first_win", Instant.now()))));
        events.publishAndWait(new BadgesEarned(
                List.of(new BadgeEarned(user.id(), "contrarian", Instant.now().plusSeconds(1)))));
        events.publishAndWait(new BadgesEarned(
                List.of(new BadgeEarned(user.id(), "contrarian", Instant.now().plusSeconds(2))))); // redelivered

        assertThat(unread(user)).isEqualTo(2);
        JsonNode list =
                http.get("/api/v1/notifications").bearer(user.token()).send().data();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("message").asString()).contains("Contrarian"); // newest first
        String id = list.get(0).get("id").asString();

        assertThat(http.post("/api/v1/notifications/" + id + "/read", null)
                        .bearer(other.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(unread(user)).isEqualTo(2);
        assertThat(http.post("/api/v1/notifications/" + id + "/read", null)
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(unread(user)).isEqualTo(1);
        JsonNode unreadOnly = http.get("/api/v1/notifications?unread=true")
                .bearer(user.token())
                .send()
                .body();
        assertThat(unreadOnly.get("data")).hasSize(1);
        assertThat(unreadOnly.get("pagination").get("total").asLong()).isEqualTo(1);

        assertThat(http.post("/api/v1/notifications/read-all", null)
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(unread(user)).isZero();
        assertThat(http.post("/api/v1/notifications/" + UUID.randomUUID() + "/read", null)
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/notifications").send().status()).isEqualTo(401);
    }

    @Test
    void a_new_market_reaches_users_who_forecast_in_its_category_or_opted_in() {
        TestUser sportsFan = users.create(1_000);
        TestUser cryptoOptIn = users.create(0);
        TestUser nobody = users.create(0);
        MarketDetail earlier = markets.open("Earlier sports market", "Yes", "No");
        forecasts.place(sportsFan.id(), new PlaceForecast(earlier.id(), TestMarkets.outcome(earlier, 0), 10));
        http.put("/api/v1/users/me/notification-preferences", Map.of("new_market_categories", List.of("crypto")))
                .bearer(cryptoOptIn.token())
                .send();
        events.awaitListeners();

        MarketDetail sports = create("Who wins the UAAP finals?", "sports", Duration.ofDays(7));
        MarketDetail crypto = create("Bitcoin above ₱6M?", "crypto", Duration.ofDays(7));
        events.awaitListeners();

        // Other tests of this context may create markets while this one runs: judge these two only.
        assertThat(marketsNotified(sportsFan, "new_market"))
                .contains(sports.id().toString())
                .doesNotContain(crypto.id().toString());
        assertThat(marketsNotified(cryptoOptIn, "new_market"))
                .contains(crypto.id().toString())
                .doesNotContain(sports.id().toString());
        assertThat(marketsNotified(nobody, "new_market"))
                .doesNotContain(sports.id().toString(), crypto.id().toString());
    }

    @Test
    void watchers_who_have_not_forecast_are_reminded_once_a_day_before_close() {
        TestUser watcher = users.create(0);
        TestUser forecaster = users.create(1_000);
        TestUser bystander = users.create(0);
        MarketDetail soon = create("Closes tomorrow", "politics", Duration.ofHours(12));
        MarketDetail later = create("Closes next week", "politics", Duration.ofDays(7));
        watch(watcher, soon);
        watch(watcher, later);
        watch(forecaster, soon);
        forecasts.place(forecaster.id(), new PlaceForecast(soon.id(), TestMarkets.outcome(soon, 0), 10));

        reminders.remindDue();
        reminders.remindDue();

        assertThat(marketsNotified(watcher, "forecast_reminder"))
                .containsExactly(soon.id().toString());
        assertThat(marketsNotified(forecaster, "forecast_reminder")).isEmpty();
        assertThat(marketsNotified(bystander, "forecast_reminder")).isEmpty();
    }

    @Test
    void the_stream_pushes_new_notifications_and_the_unread_count() throws Exception {
        TestUser user = users.create(0);
        try (SseClient stream = SseClient.open(http.baseUrl() + "/api/v1/notifications/stream", user.token())) {
            stream.awaitLine("event:unread_count");
            events.publishAndWait(new BadgesEarned(List.of(new BadgeEarned(user.id(), "sharp_10", Instant.now()))));
            stream.awaitLine("event:notification");
            assertThat(stream.awaitLine("data:{\"count\":1}")).isNotNull();
            String pushed = stream.lines().stream()
                    .filter(l -> l.startsWith("data:") && l.contains("sharp_10"))
                    .findFirst()
                    .orElseThrow();
            // The pushed view is built from what the insert returned (its time as microseconds): the
            // same id and time, to the microsecond, as the list reads from the table.
            JsonNode notification =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(pushed.substring(5));
            JsonNode listed = badges(user).get(0);
            assertThat(notification.get("id").asString())
                    .isEqualTo(listed.get("id").asString());
            assertThat(notification.get("created_at").asString())
                    .isEqualTo(listed.get("created_at").asString());
        }
    }

    private MarketDetail create(String title, String category, Duration closesIn) {
        return marketsApi.create(
                admin.id(),
                new NewMarket(
                        title,
                        "Test market",
                        category,
                        List.of("Yes", "No"),
                        OffsetDateTime.now(ZoneOffset.UTC).plus(closesIn),
                        null,
                        10_000L,
                        Map.of()));
    }

    private void watch(TestUser user, MarketDetail market) {
        assertThat(http.post("/api/v1/markets/" + market.id() + "/watch", null)
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    private List<JsonNode> resolved(TestUser user) {
        return ofType(user, "market_resolved");
    }

    private List<JsonNode> badges(TestUser user) {
        return ofType(user, "badge_earned");
    }

    /** The user's notifications of one type, as the list endpoint answers them (newest first). */
    private List<JsonNode> ofType(TestUser user, String type) {
        List<JsonNode> found = new ArrayList<>();
        http.get("/api/v1/notifications?limit=100")
                .bearer(user.token())
                .send()
                .data()
                .forEach(n -> {
                    if (n.get("type").asString().equals(type)) {
                        found.add(n);
                    }
                });
        return found;
    }

    private List<String> types(TestUser user) {
        List<String> found = new ArrayList<>();
        http.get("/api/v1/notifications?limit=100")
                .bearer(user.token())
                .send()
                .data()
                .forEach(n -> found.add(n.get("type").asString()));
        return found;
    }

    private List<String> marketsNotified(TestUser user, String type) {
        List<String> found = new ArrayList<>();
        http.get("/api/v1/notifications?limit=100")
                .bearer(user.token())
                .send()
                .data()
                .forEach(n -> {
                    if (n.get("type").asString().equals(type)) {
                        found.add(n.get("market_id").asString());
                    }
                });
        return found;
    }

    private long unread(TestUser user) {
        return http.get("/api/v1/notifications/unread-count")
                .bearer(user.token())
                .send()
                .data()
                .get("count")
                .asLong();
    }

    static void await(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(assertion::run);
    }
}
