package com.pilimarket.activity;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.reputation.BadgeEarned;
import com.pilimarket.reputation.BadgesEarned;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ActivityIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets marketsApi;

    @Autowired
    TestMarkets markets;

    @Autowired
    Forecasts forecasts;

    @Autowired
    Activities activities;

    @Autowired
    TestEvents events;

    @Autowired
    JdbcClient jdbc;

    Result feedOf(MarketDetail market) {
        return http.get("/api/v1/activity?market_id=" + market.id()).send();
    }

    Result awaitFeed(MarketDetail market, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Result result = feedOf(market);
        while (result.data().size() < size && System.nanoTime() < deadline) {
            Thread.sleep(50);
            result = feedOf(market);
        }
        return result;
    }

    @Test
    void creating_forecasting_and_resolving_appear_in_the_feed_newest_first() throws Exception {
        TestUser admin = users.admin();
        MarketDetail market = markets.open("Feed market", "Yes", "No");
        TestUser user = users.create(1_000);
        // Registration's activity is recorded by a listener after the commit: let it land before the
        // forecasts, so the user's own feed has a defined order.
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (http.get("/api/v1/activity?user_id=" + user.id()).send().data().isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, 0), 25));
        awaitFeed(market, 2);
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, 0), 5));
        awaitFeed(market, 3);
        marketsApi.resolve(
                admin.id(), market.id(), new ResolveMarket(outcome(market, 0), List.of("https://example.ph"), "Done"));

        Result feed = awaitFeed(market, 4);

        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.data())
                .extracting(n -> n.get("activity_type").asString())
                .containsExactly("market_resolved", "forecast_placed", "forecast_placed", "market_created");
        JsonNode placed = feed.data().get(2);
        assertThat(placed.get("user").get("id").asString()).isEqualTo(user.id().toString());
        assertThat(placed.get("user").get("display_name").asString()).isEqualTo("Tester");
        assertThat(placed.get("market").get("slug").asString()).isEqualTo(market.slug());
        assertThat(placed.get("metadata").get("points").asLong()).isEqualTo(25);
        assertThat(feed.data().get(1).get("metadata").get("top_up").asBoolean()).isTrue();
        // Which outcome: the one backed, and the one the resolution chose; none for a new market.
        assertThat(placed.get("outcome").get("name").asString()).isEqualTo("Yes");
        assertThat(placed.get("outcome").get("id").asString())
                .isEqualTo(outcome(market, 0).toString());
        assertThat(feed.data().get(0).get("outcome").get("name").asString()).isEqualTo("Yes");
        assertThat(feed.data().get(3).get("outcome").isNull()).isTrue();

        Result mine = http.get("/api/v1/activity?user_id=" + user.id()).send();
        assertThat(mine.data())
                .extracting(n -> n.get("activity_type").asString())
                .filteredOn(type -> !type.equals("badge_earned"))
                .containsExactly("forecast_placed", "forecast_placed", "user_registered");
        assertThat(http.get("/api/v1/activity?limit=1").send().data()).hasSize(1);
        assertThat(http.get("/api/v1/activity?market_id=nope").send().status()).isEqualTo(400);
    }

    @Test
    void a_redelivered_event_adds_nothing() {
        UUID user = users.create(0).id();
        String key = "badge_earned:test:" + user;
        assertThat(activities.record("badge_earned", user, null, null, key)).isTrue();
        assertThat(activities.record("badge_earned", user, null, null, key)).isFalse();
    }

    @Test
    void a_settlement_awards_each_winner_one_badge_entry_and_one_notification_and_a_redelivery_adds_none() {
        List<UUID> winners = new ArrayList<>();
        List<TestEvents.Result> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID winner = users.create(0).id();
            winners.add(winner);
            results.add(TestEvents.win(winner, 0.4));
        }
        UUID loser = users.create(0).id();
        results.add(TestEvents.lose(loser, 0.6));
        SettledBatch settled =
                events.settlement(UUID.randomUUID(), Instant.now(), results.toArray(TestEvents.Result[]::new));

        Instant start = Instant.now().minusSeconds(1);
        events.publishAndWait(settled);
        Map<String, Long> once = writtenFor(winners, loser);
        events.publishAndWait(settled); // the settlement redelivered
        events.publishAndWait(new BadgesEarned(winners.stream() // and the badges' own event
                .map(winner -> new BadgeEarned(winner, "first_win", Instant.now()))
                .toList()));

        assertThat(once)
                .containsEntry("first_win badges", 12L)
                .containsEntry("first_win feed entries", 12L)
                .containsEntry("first_win notifications", 12L)
                .containsEntry("winners with exactly one of each", 12L)
                .containsEntry("loser's badges, entries and badge notifications", 0L);
        assertThat(writtenFor(winners, loser)).isEqualTo(once);
        // Nothing new because the listeners saw the rows were there, not because a redelivery failed.
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE publication_date >= :start"
                                + " AND completion_date IS NULL")
                        .param("start", Timestamp.from(start))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** What a settlement wrote for these users, counted across the modules' tables. */
    private Map<String, Long> writtenFor(List<UUID> winners, UUID loser) {
        UUID[] ids = winners.toArray(UUID[]::new);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(
                "first_win badges",
                count("SELECT count(*) FROM user_badges WHERE badge = 'first_win'" + " AND user_id = ANY(:ids)", ids));
        counts.put(
                "first_win feed entries",
                count(
                        "SELECT count(*) FROM activities WHERE activity_type = 'badge_earned'"
                                + " AND metadata->>'badge' = 'first_win' AND user_id = ANY(:ids)",
                        ids));
        counts.put(
                "first_win notifications",
                count(
                        // A badge's metadata is stored once per badge (notification_shared) and joined back.
                        "SELECT count(*) FROM notifications n LEFT JOIN notification_shared s ON s.id = n.shared_id"
                                + " WHERE n.type = 'badge_earned'"
                                + " AND coalesce(s.metadata || n.metadata, n.metadata)->>'badge' = 'first_win'"
                                + " AND n.user_id = ANY(:ids)",
                        ids));
        counts.put("winners with exactly one of each", count("""
                SELECT count(*) FROM unnest(CAST(:ids AS uuid[])) AS w(id)
                WHERE (SELECT count(*) FROM activities a WHERE a.user_id = w.id
                       AND a.activity_type = 'badge_earned' AND a.metadata->>'badge' = 'first_win') = 1
                  AND (SELECT count(*) FROM notifications n LEFT JOIN notification_shared s ON s.id = n.shared_id
                       WHERE n.user_id = w.id AND n.type = 'badge_earned'
                       AND coalesce(s.metadata || n.metadata, n.metadata)->>'badge' = 'first_win') = 1
                  AND (SELECT count(*) FROM notifications n WHERE n.user_id = w.id
                       AND n.type = 'market_resolved') = 1
                """, ids));
        counts.put("loser's badges, entries and badge notifications", count("""
                SELECT (SELECT count(*) FROM user_badges WHERE user_id = ANY(:ids))
                     + (SELECT count(*) FROM activities WHERE activity_type = 'badge_earned' AND user_id = ANY(:ids))
                     + (SELECT count(*) FROM notifications WHERE type = 'badge_earned' AND user_id = ANY(:ids))
                """, new UUID[] {loser}));
        counts.put("all notifications", count("SELECT count(*) FROM notifications WHERE user_id = ANY(:ids)", ids));
        counts.put("all feed entries", count("SELECT count(*) FROM activities WHERE user_id = ANY(:ids)", ids));
        return counts;
    }

    private long count(String sql, UUID[] ids) {
        return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
    }
}
