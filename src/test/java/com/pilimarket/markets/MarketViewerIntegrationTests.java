package com.pilimarket.markets;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** What a market says to the person looking at it: watching, the watchlist, a winner, a cancel reason. */
@IntegrationTest
class MarketViewerIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets marketsApi;

    @Autowired
    Forecasts forecasts;

    @Autowired
    TestMarkets markets;

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.admin();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    boolean watchingOf(String idOrSlug, TestUser viewer) {
        TestHttp.Call call = http.get("/api/v1/markets/" + idOrSlug);
        if (viewer != null) {
            call.bearer(viewer.token());
        }
        Result result = call.send();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().has("watching")).isTrue();
        return result.data().get("watching").asBoolean();
    }

    List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(m -> ids.add(m.get("id").asString()));
        return ids;
    }

    @Test
    void the_market_page_remembers_that_the_caller_watches_it() {
        MarketDetail market = markets.open("Watched " + unique(), "Yes", "No");
        TestUser watcher = users.create(0);
        TestUser other = users.create(0);
        // Read once before watching, so a cached detail cannot carry a stale answer.
        assertThat(watchingOf(market.slug(), watcher)).isFalse();

        http.post("/api/v1/markets/" + market.id() + "/watch", null)
                .bearer(watcher.token())
                .send();

        assertThat(watchingOf(market.slug(), watcher)).isTrue();
        assertThat(watchingOf(market.id().toString(), watcher)).isTrue();
        assertThat(watchingOf(market.slug(), other)).isFalse();
        assertThat(watchingOf(market.slug(), null)).isFalse();

        http.delete("/api/v1/markets/" + market.id() + "/watch")
                .bearer(watcher.token())
                .send();
        assertThat(watchingOf(market.slug(), watcher)).isFalse();
    }

    @Test
    void a_forecaster_who_watches_sees_both_the_position_and_watching() {
        MarketDetail market = markets.open("Watched with a position " + unique(), "Yes", "No");
        TestUser user = users.create(100);
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, 0), 10));
        assertThat(http.post("/api/v1/markets/" + market.id() + "/watch", null)
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(200);

        JsonNode data = http.get("/api/v1/markets/" + market.slug())
                .bearer(user.token())
                .send()
                .data();

        assertThat(data.get("watching").asBoolean()).isTrue();
        assertThat(data.get("my_forecast").get("points").asLong()).isEqualTo(10);
    }

    @Test
    void the_watchlist_lists_watched_markets_most_recent_first_in_pages() {
        TestUser user = users.create(0);
        MarketDetail first = markets.open("Watchlist one " + unique(), "Yes", "No");
        MarketDetail second = markets.open("Watchlist two " + unique(), "Yes", "No");
        MarketDetail third = markets.open("Watchlist three " + unique(), "Yes", "No");
        markets.open("Not watched " + unique(), "Yes", "No");
        for (MarketDetail m : List.of(first, second, third)) {
            assertThat(http.post("/api/v1/markets/" + m.id() + "/watch", null)
                            .bearer(user.token())
                            .send()
                            .status())
                    .isEqualTo(200);
        }

        Result page1 = http.get("/api/v1/users/me/watchlist?limit=2")
                .bearer(user.token())
                .send();
        Result page2 = http.get("/api/v1/users/me/watchlist?limit=2&page=2")
                .bearer(user.token())
                .send();

        assertThat(page1.status()).isEqualTo(200);
        assertThat(ids(page1.data()))
                .containsExactly(third.id().toString(), second.id().toString());
        assertThat(page1.body().get("pagination").get("total").asLong()).isEqualTo(3);
        assertThat(page1.body().get("pagination").get("pages").asLong()).isEqualTo(2);
        assertThat(ids(page2.data())).containsExactly(first.id().toString());
        assertThat(page1.data().get(0).get("title").asString()).isEqualTo(third.title());
        assertThat(page1.data().get(0).get("outcomes")).hasSize(2);

        http.delete("/api/v1/markets/" + second.id() + "/watch")
                .bearer(user.token())
                .send();
        assertThat(ids(http.get("/api/v1/users/me/watchlist")
                        .bearer(user.token())
                        .send()
                        .data()))
                .containsExactly(third.id().toString(), first.id().toString());
        assertThat(http.get("/api/v1/users/me/watchlist")
                        .bearer(users.create(0).token())
                        .send()
                        .data())
                .isEmpty();
        assertThat(http.get("/api/v1/users/me/watchlist").send().status()).isEqualTo(401);
        assertThat(http.get("/api/v1/users/me/watchlist?limit=0")
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_cancelled_market_serves_the_admins_reason() {
        MarketDetail market = markets.open("Cancelled " + unique(), "Yes", "No");
        TestUser user = users.create(100);
        forecasts.place(user.id(), new PlaceForecast(market.id(), outcome(market, 0), 40));

        Result cancel = http.post(
                        "/api/v1/admin/markets/" + market.id() + "/cancel",
                        Map.of("reason", "The fight was postponed indefinitely."))
                .bearer(admin.token())
                .send();
        JsonNode detail = http.get("/api/v1/markets/" + market.slug()).send().data();

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.data().get("cancel_reason").asString()).isEqualTo("The fight was postponed indefinitely.");
        assertThat(detail.get("status").asString()).isEqualTo("cancelled");
        assertThat(detail.get("cancel_reason").asString()).isEqualTo("The fight was postponed indefinitely.");
        assertThat(http.get("/api/v1/markets/"
                                + markets.open("Open " + unique(), "Yes", "No").slug())
                        .send()
                        .data()
                        .get("cancel_reason")
                        .isNull())
                .isTrue();
    }

    @Test
    void lists_name_the_winner_of_a_resolved_market() {
        MarketDetail resolved = markets.open("Resolved " + unique(), "Yes", "No");
        MarketDetail open = markets.open("Still open " + unique(), "Yes", "No");
        marketsApi.resolve(
                admin.id(),
                resolved.id(),
                new ResolveMarket(outcome(resolved, 1), List.of("https://example.ph/result"), "No it was."));

        JsonNode list = http.get("/api/v1/markets?limit=100").send().data();
        JsonNode resolvedCard = null;
        JsonNode openCard = null;
        for (JsonNode m : list) {
            if (m.get("id").asString().equals(resolved.id().toString())) {
                resolvedCard = m;
            } else if (m.get("id").asString().equals(open.id().toString())) {
                openCard = m;
            }
        }

        assertThat(resolvedCard).isNotNull();
        assertThat(resolvedCard.get("winning_outcome_id").asString())
                .isEqualTo(outcome(resolved, 1).toString());
        assertThat(openCard).isNotNull();
        assertThat(openCard.get("winning_outcome_id").isNull()).isTrue();
    }
}
