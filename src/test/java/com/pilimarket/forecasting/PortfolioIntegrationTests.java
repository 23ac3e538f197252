package com.pilimarket.forecasting;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.PariMutuel;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The portfolio values open positions with the settlement's formula, house fee included (5 % here). */
@IntegrationTest
@TestPropertySource(properties = "pilimarket.chips.house-fee-percent=5")
class PortfolioIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets markets;

    @Autowired
    Forecasts forecasts;

    @Autowired
    TestMarkets testMarkets;

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.admin();
    }

    @Test
    void an_open_position_is_worth_its_pari_mutuel_share_after_the_fee_and_settlement_pays_exactly_that()
            throws Exception {
        MarketDetail market = testMarkets.open("Portfolio: will Gilas win in Doha?", "Yes", "No");
        TestUser ana = users.create(1_000);
        TestUser ben = users.create(1_000);
        TestUser cy = users.create(1_000);
        forecasts.place(ana.id(), new PlaceForecast(market.id(), outcome(market, 0), 100));
        forecasts.place(ben.id(), new PlaceForecast(market.id(), outcome(market, 1), 300));
        forecasts.place(cy.id(), new PlaceForecast(market.id(), outcome(market, 0), 50));

        JsonNode portfolio = portfolio(ana);

        // Pool 450, distributable floor(450 × 0.95) = 427; Ana's share of Yes (150): floor(100 × 427 / 150) = 284.
        JsonNode position = portfolio.at("/positions/0");
        assertThat(position.at("/market/title").asString()).isEqualTo("Portfolio: will Gilas win in Doha?");
        assertThat(position.at("/market/status").asString()).isEqualTo("open");
        assertThat(position.get("outcome_name").asString()).isEqualTo("Yes");
        assertThat(position.get("stake").asLong()).isEqualTo(100);
        assertThat(position.get("crowd_probability").asDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(position.get("probability_now").asDouble()).isCloseTo((50 + 150) / 550.0, within(1e-9));
        assertThat(position.get("payout_if_wins_now").asLong()).isEqualTo(284);
        assertThat(position.get("potential_profit").asLong()).isEqualTo(184);
        PariMutuel.Result plan = PariMutuel.payouts(
                List.of(
                        new PariMutuel.Stake(UUID.randomUUID(), outcome(market, 0), 100),
                        new PariMutuel.Stake(UUID.randomUUID(), outcome(market, 1), 300),
                        new PariMutuel.Stake(UUID.randomUUID(), outcome(market, 0), 50)),
                outcome(market, 0),
                new BigDecimal("5"));
        assertThat(plan.payouts().values().iterator().next()).isEqualTo(284L);
        assertThat(portfolio.at("/totals/staked").asLong()).isEqualTo(100);
        assertThat(portfolio.at("/totals/payout_if_all_win_now").asLong()).isEqualTo(284);
        assertThat(portfolio.at("/totals/realised_profit").asLong()).isZero();
        // Ben alone on No would take the whole distributable pool.
        assertThat(portfolio(ben).at("/positions/0/payout_if_wins_now").asLong())
                .isEqualTo(427);

        resolve(market, 0);
        await("settlement", () -> portfolio(ana).get("positions").isEmpty());

        JsonNode after = portfolio(ana);
        assertThat(after.at("/totals/staked").asLong()).isZero();
        assertThat(after.at("/totals/settled").asInt()).isEqualTo(1);
        assertThat(after.at("/totals/realised_profit").asLong()).isEqualTo(184);
        Result settled = http.get("/api/v1/users/me/portfolio/settled")
                .bearer(ana.token())
                .send();
        assertThat(settled.status()).isEqualTo(200);
        assertThat(settled.body().at("/pagination/total").asLong()).isEqualTo(1);
        JsonNode won = settled.data().get(0);
        assertThat(won.get("status").asString()).isEqualTo("won");
        assertThat(won.get("payout").asLong()).isEqualTo(284);
        assertThat(won.get("profit").asLong()).isEqualTo(184);
        assertThat(won.at("/market/status").asString()).isEqualTo("resolved");
        assertThat(won.get("outcome_name").asString()).isEqualTo("Yes");
        JsonNode lost = http.get("/api/v1/users/me/portfolio/settled")
                .bearer(ben.token())
                .send()
                .data()
                .get(0);
        assertThat(lost.get("status").asString()).isEqualTo("lost");
        assertThat(lost.get("payout").asLong()).isZero();
        assertThat(lost.get("profit").asLong()).isEqualTo(-300);
        assertThat(portfolio(ben).at("/totals/realised_profit").asLong()).isEqualTo(-300);
    }

    @Test
    void open_positions_come_soonest_to_close_first_and_totals_add_them_up() {
        MarketDetail later = testMarkets.open("Portfolio: later market", "Oo", "Hindi");
        MarketDetail sooner = markets.create(
                admin.id(),
                new NewMarket(
                        "Portfolio: sooner market",
                        "Closes tomorrow",
                        "crypto",
                        List.of("Up", "Down", "Flat"),
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(1),
                        null,
                        10_000L,
                        Map.of()));
        TestUser maria = users.create(1_000);
        forecasts.place(maria.id(), new PlaceForecast(later.id(), outcome(later, 1), 40));
        forecasts.place(maria.id(), new PlaceForecast(sooner.id(), outcome(sooner, 2), 60));

        JsonNode portfolio = portfolio(maria);

        assertThat(portfolio.at("/positions/0/market/title").asString()).isEqualTo("Portfolio: sooner market");
        assertThat(portfolio.at("/positions/1/market/title").asString()).isEqualTo("Portfolio: later market");
        // Alone in each pool: floor(60 × floor(60 × 0.95) / 60) = 57, and floor(40 × 0.95) = 38.
        assertThat(portfolio.at("/positions/0/payout_if_wins_now").asLong()).isEqualTo(57);
        assertThat(portfolio.at("/positions/1/payout_if_wins_now").asLong()).isEqualTo(38);
        assertThat(portfolio.at("/totals/positions").asInt()).isEqualTo(2);
        assertThat(portfolio.at("/totals/staked").asLong()).isEqualTo(100);
        assertThat(portfolio.at("/totals/payout_if_all_win_now").asLong()).isEqualTo(95);
        assertThat(portfolio.at("/totals/potential_profit").asLong()).isEqualTo(-5);
    }

    @Test
    void a_newcomer_has_an_empty_portfolio_and_strangers_and_bad_pages_are_refused() {
        TestUser newcomer = users.create(0);

        JsonNode portfolio = portfolio(newcomer);

        assertThat(portfolio.get("positions")).isEmpty();
        assertThat(portfolio.at("/totals/staked").asLong()).isZero();
        assertThat(http.get("/api/v1/users/me/portfolio").send().status()).isEqualTo(401);
        assertThat(http.get("/api/v1/users/me/portfolio/settled").send().status())
                .isEqualTo(401);
        Result badPage = http.get("/api/v1/users/me/portfolio/settled?page=0&limit=500")
                .bearer(newcomer.token())
                .send();
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.body().at("/errors/0/code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.get("/api/v1/users/me/portfolio/settled?page=abc")
                        .bearer(newcomer.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    JsonNode portfolio(TestUser user) {
        Result result =
                http.get("/api/v1/users/me/portfolio").bearer(user.token()).send();
        assertThat(result.status()).isEqualTo(200);
        return result.data();
    }

    void resolve(MarketDetail market, int outcome) {
        Result resolved = http.post(
                        "/api/v1/admin/markets/" + market.id() + "/resolve",
                        Map.of(
                                "outcome_id", outcome(market, outcome),
                                "evidence_urls", List.of("https://www.fiba.basketball/"),
                                "resolution_note", "Final score confirmed"))
                .bearer(admin.token())
                .send();
        assertThat(resolved.status()).isEqualTo(200);
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
}
