package com.pilimarket.forecasting;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Market reads are cached; a write must show in the very next read, by id, by slug and in lists. */
@IntegrationTest
class CachedMarketReadsIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    com.pilimarket.markets.internal.MarketAdministration marketAdmin;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    TestMarkets markets;

    @AfterEach
    void invariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    long totalById(MarketDetail market) {
        return http.get("/api/v1/markets/" + market.id())
                .send()
                .data()
                .get("total_points")
                .asLong();
    }

    long totalBySlug(MarketDetail market) {
        return http.get("/api/v1/markets/" + market.slug())
                .send()
                .data()
                .get("total_points")
                .asLong();
    }

    long totalInList(MarketDetail market) {
        Result list = http.get("/api/v1/markets?status=open&limit=100&sort=created_at")
                .send();
        for (var item : list.data()) {
            if (item.get("id").asString().equals(market.id().toString())) {
                return item.get("total_points").asLong();
            }
        }
        throw new AssertionError("market not listed");
    }

    @Test
    void a_placed_forecast_shows_at_once_in_cached_detail_and_list() {
        MarketDetail market = markets.open("Cached reads market", "Yes", "No");
        TestUser user = users.create(1_000);
        for (int i = 0; i < 3; i++) {
            // Warm every cache entry.
            assertThat(totalById(market)).isZero();
            assertThat(totalBySlug(market)).isZero();
            assertThat(totalInList(market)).isZero();
        }

        Result placed = http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", market.id(), "outcome_id", outcome(market, 0), "points", 40))
                .bearer(user.token())
                .send();

        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.data().get("chips").asLong()).isEqualTo(960);
        assertThat(totalById(market)).isEqualTo(40);
        assertThat(totalBySlug(market)).isEqualTo(40);
        assertThat(totalInList(market)).isEqualTo(40);
        Result mine =
                http.get("/api/v1/markets/" + market.id()).bearer(user.token()).send();
        assertThat(mine.data().get("my_forecast").get("points").asLong()).isEqualTo(40);
        assertThat(http.get("/api/v1/markets/" + market.id())
                        .send()
                        .data()
                        .get("my_forecast")
                        .isNull())
                .isTrue();
    }

    @Test
    void an_admin_transition_shows_at_once() {
        MarketDetail market = markets.open("Cached suspend market", "Yes", "No");
        assertThat(http.get("/api/v1/markets/" + market.id())
                        .send()
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("open");

        marketAdmin.suspend(users.admin().id(), market.id());

        assertThat(http.get("/api/v1/markets/" + market.id())
                        .send()
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("suspended");
    }
}
