package com.pilimarket.forecasting;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class UserForecastsIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    TestMarkets markets;

    @Autowired
    Forecasts forecasts;

    @Test
    void a_user_sees_their_forecasts_newest_first_with_market_and_outcome_named() {
        MarketDetail first = markets.open("First list market", "Yes", "No");
        MarketDetail second = markets.open("Second list market", "Red", "Blue", "Green");
        TestUser maria = users.create(1_000);
        forecasts.place(maria.id(), new PlaceForecast(first.id(), outcome(first, 1), 40));
        forecasts.place(maria.id(), new PlaceForecast(second.id(), outcome(second, 2), 60));

        Result mine =
                http.get("/api/v1/users/me/forecasts").bearer(maria.token()).send();

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().at("/pagination/total").asLong()).isEqualTo(2);
        assertThat(mine.data().get(0).at("/market/title").asString()).isEqualTo("Second list market");
        assertThat(mine.data().get(0).get("outcome_name").asString()).isEqualTo("Green");
        assertThat(mine.data().get(0).get("points").asLong()).isEqualTo(60);
        assertThat(mine.data().get(1).get("outcome_name").asString()).isEqualTo("No");
        assertThat(http.get("/api/v1/users/me/forecasts?status=won")
                        .bearer(maria.token())
                        .send()
                        .data())
                .isEmpty();
        assertThat(http.get("/api/v1/users/" + maria.id() + "/forecasts").send().data())
                .hasSize(2);
    }

    @Test
    void bad_filters_unknown_users_and_anonymous_callers_are_refused() {
        TestUser jose = users.create(0);

        assertThat(http.get("/api/v1/users/me/forecasts?status=maybe")
                        .bearer(jose.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/users/me/forecasts").send().status()).isEqualTo(401);
        assertThat(http.get("/api/v1/users/" + UUID.randomUUID() + "/forecasts")
                        .send()
                        .status())
                .isEqualTo(404);
    }
}
