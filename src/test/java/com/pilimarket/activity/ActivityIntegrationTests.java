package com.pilimarket.activity;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
}
