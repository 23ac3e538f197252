package com.pilimarket.users;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class FollowsIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    TestMarkets markets;

    @Autowired
    Forecasts forecasts;

    @Autowired
    JdbcClient jdbc;

    private Result follow(TestUser who, UUID whom) {
        return http.post("/api/v1/users/" + whom + "/follow", Map.of())
                .bearer(who.token())
                .send();
    }

    private JsonNode profile(TestUser viewer, TestUser of) {
        var call = http.get("/api/v1/users/" + of.id());
        return (viewer == null ? call : call.bearer(viewer.token())).send().data();
    }

    @Test
    void following_shows_in_counts_lists_and_followed_by_me_and_unfollowing_undoes_it() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        TestUser cora = users.create(0);

        Result first = follow(ana, ben.id());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.data().get("followers").asLong()).isEqualTo(1);
        assertThat(first.data().get("followed_by_me").asBoolean()).isTrue();
        assertThat(follow(ana, ben.id()).data().get("followers").asLong())
                .as("following twice is one follow")
                .isEqualTo(1);
        follow(cora, ben.id());
        follow(ben, ana.id());

        JsonNode seenByAna = profile(ana, ben);
        assertThat(seenByAna.get("followers").asLong()).isEqualTo(2);
        assertThat(seenByAna.get("following").asLong()).isEqualTo(1);
        assertThat(seenByAna.get("followed_by_me").asBoolean()).isTrue();
        assertThat(profile(null, ben).get("followed_by_me").asBoolean()).isFalse();
        assertThat(http.get("/api/v1/users/by-handle/" + ben.account().handle())
                        .bearer(cora.token())
                        .send()
                        .data()
                        .get("followed_by_me")
                        .asBoolean())
                .isTrue();

        Result followers =
                http.get("/api/v1/users/" + ben.id() + "/followers?limit=1").send();
        assertThat(followers.status()).isEqualTo(200);
        assertThat(followers.body().get("pagination").get("total").asLong()).isEqualTo(2);
        assertThat(followers.data()).hasSize(1);
        assertThat(followers.data().get(0).get("id").asString())
                .as("newest first")
                .isEqualTo(cora.id().toString());
        assertThat(followers.data().get(0).get("handle").asString())
                .isEqualTo(cora.account().handle());
        assertThat(followers.data().get(0).has("followed_at")).isTrue();
        Result following = http.get("/api/v1/users/" + ana.id() + "/following").send();
        assertThat(following.data())
                .extracting(n -> n.get("id").asString())
                .containsExactly(ben.id().toString());

        Result unfollowed = http.delete("/api/v1/users/" + ben.id() + "/follow")
                .bearer(ana.token())
                .send();
        assertThat(unfollowed.status()).isEqualTo(200);
        assertThat(unfollowed.data().get("followers").asLong()).isEqualTo(1);
        assertThat(unfollowed.data().get("followed_by_me").asBoolean()).isFalse();
        assertThat(http.delete("/api/v1/users/" + ben.id() + "/follow")
                        .bearer(ana.token())
                        .send()
                        .status())
                .as("unfollowing again is no error")
                .isEqualTo(200);
    }

    @Test
    void following_yourself_is_refused() {
        TestUser ana = users.create(0);

        Result result = follow(ana, ana.id());

        assertThat(result.status()).isEqualTo(422);
        assertThat(result.errorCode()).isEqualTo("CANNOT_FOLLOW_SELF");
        assertThat(profile(null, ana).get("followers").asLong()).isZero();
    }

    @Test
    void following_needs_a_login_and_an_existing_user() {
        TestUser ana = users.create(0);
        assertThat(http.post("/api/v1/users/" + ana.id() + "/follow", Map.of())
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(follow(ana, UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/users/not-a-uuid/follow", Map.of())
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/users/" + UUID.randomUUID() + "/followers")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_suspended_account_cannot_follow() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE id = :id")
                .param("id", ana.id())
                .update();

        Result result = follow(ana, ben.id());

        assertThat(result.status()).isEqualTo(403);
        assertThat(profile(null, ben).get("followers").asLong()).isZero();
    }

    @Test
    void the_following_feed_shows_only_the_people_one_follows() {
        MarketDetail market = markets.open("Follow feed market", "Yes", "No");
        TestUser reader = users.create(0);
        TestUser followed = users.create(1_000);
        TestUser stranger = users.create(1_000);
        follow(reader, followed.id());
        forecasts.place(followed.id(), new PlaceForecast(market.id(), outcome(market, 0), 25));
        forecasts.place(stranger.id(), new PlaceForecast(market.id(), outcome(market, 1), 30));

        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Result feed = http.get("/api/v1/activity?following=true")
                    .bearer(reader.token())
                    .send();
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.data())
                    .extracting(n -> n.get("activity_type").asString())
                    .contains("forecast_placed");
            assertThat(feed.data())
                    .extracting(n -> n.get("user").get("id").asString())
                    .containsOnly(followed.id().toString());
        });
        Result onMarket = http.get("/api/v1/activity?following=true&market_id=" + market.id())
                .bearer(reader.token())
                .send();
        assertThat(onMarket.data()).hasSize(1);

        TestUser loner = users.create(0);
        Result empty = http.get("/api/v1/activity?following=true")
                .bearer(loner.token())
                .send();
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.data()).isEmpty();
        assertThat(empty.body().get("pagination").get("total").asLong()).isZero();

        Result visitor = http.get("/api/v1/activity?following=true").send();
        assertThat(visitor.status()).isEqualTo(401);
        assertThat(http.get("/api/v1/activity?following=maybe").send().status()).isEqualTo(400);
    }
}
