package com.pilimarket.discovery;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastPlacement;
import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The home feed's sections, on a database of their own (the sections are global lists). */
@IntegrationTest
@TestPropertySource(properties = "pilimarket.feed-tests=own-database")
class HomeFeedIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets markets;

    @Autowired
    com.pilimarket.markets.internal.MarketAdministration administration;

    @Autowired
    Forecasts forecasts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void the_feed_ranks_trending_by_last_24h_and_suggests_nearby_markets_the_user_does_not_hold() throws Exception {
        TestUser admin = users.admin();
        MarketDetail finals = market(admin, "Will Ginebra win the PBA Finals?", "sports", Duration.ofDays(7));
        MarketDetail brownlee = market(admin, "Will Ginebra sign Justin Brownlee again?", "other", Duration.ofDays(9));
        MarketDetail pacquiao = market(admin, "Will Pacquiao fight again?", "sports", Duration.ofDays(8));
        MarketDetail bitcoin = market(admin, "Bitcoin above 100k by June?", "crypto", Duration.ofDays(5));
        MarketDetail typhoon = market(admin, "Signal No. 3 in Metro Manila tonight?", "other", Duration.ofHours(2));
        TestUser juan = users.create(1_000);
        TestUser maria = users.create(1_000);
        TestUser pedro = users.create(1_000);
        forecasts.place(juan.id(), new PlaceForecast(finals.id(), outcome(finals, 0), 100));
        forecasts.place(maria.id(), new PlaceForecast(finals.id(), outcome(finals, 1), 50));
        forecasts.place(pedro.id(), new PlaceForecast(bitcoin.id(), outcome(bitcoin, 0), 500));
        http.post("/api/v1/markets/" + pacquiao.id() + "/watch", Map.of())
                .bearer(juan.token())
                .send();
        await(
                "the placement log",
                () -> ids(feed(null).get("trending"), "/market/id").size() == 2);

        JsonNode anonymous = feed(null);

        // Two forecasters outrank one bigger stake; each line carries its 24-hour figures.
        assertThat(ids(anonymous.get("trending"), "/market/id")).containsExactly(finals.id(), bitcoin.id());
        assertThat(anonymous.at("/trending/0/recent_volume").asLong()).isEqualTo(150);
        assertThat(anonymous.at("/trending/0/recent_forecasters").asInt()).isEqualTo(2);
        assertThat(anonymous.at("/trending/1/recent_volume").asLong()).isEqualTo(500);
        // (The other test's markets close two months out and are newer or older: only ours are compared.)
        assertThat(ids(anonymous.get("closing_soon"), "/id"))
                .startsWith(typhoon.id(), bitcoin.id(), finals.id(), pacquiao.id(), brownlee.id());
        List<UUID> ours = List.of(finals.id(), brownlee.id(), pacquiao.id(), bitcoin.id(), typhoon.id());
        assertThat(ids(anonymous.get("new_markets"), "/id").stream()
                        .filter(ours::contains)
                        .findFirst())
                .contains(typhoon.id());
        assertThat(anonymous.get("watchlist").isNull()).isTrue();
        assertThat(anonymous.get("for_you").isNull()).isTrue();

        JsonNode mine = feed(juan);

        assertThat(ids(mine.get("watchlist"), "/id")).containsExactly(pacquiao.id());
        // A shared word ("Ginebra") counts more than the same category; the held market never shows.
        assertThat(ids(mine.get("for_you"), "/id")).containsExactly(brownlee.id(), pacquiao.id());
        TestUser newcomer = users.create(0);
        assertThat(feed(newcomer).get("for_you")).isEmpty();
        assertThat(feed(newcomer).get("watchlist")).isEmpty();

        // Activity older than 24 hours no longer counts, and a suspended market leaves every section.
        jdbc.sql("UPDATE discovery_stakes SET placed_at = now() - interval '25 hours' WHERE market_id = :m")
                .param("m", bitcoin.id())
                .update();
        administration.suspend(admin.id(), pacquiao.id());
        JsonNode later = feed(juan);
        assertThat(ids(later.get("trending"), "/market/id")).containsExactly(finals.id());
        assertThat(ids(later.get("closing_soon"), "/id")).doesNotContain(pacquiao.id());
        assertThat(ids(later.get("for_you"), "/id")).containsExactly(brownlee.id());
    }

    @Test
    void related_markets_share_a_category_or_a_word_and_bad_requests_are_refused() {
        TestUser admin = users.admin();
        MarketDetail election = market(admin, "Will Sara Duterte run for president?", "politics", Duration.ofDays(70));
        MarketDetail senate = market(admin, "Who leads the 2028 Senate race?", "politics", Duration.ofDays(80));
        MarketDetail vp = market(admin, "Will Sara Duterte be impeached?", "election", Duration.ofDays(60));
        MarketDetail ube = market(admin, "Ube cheesecake sells out in Quezon?", "entertainment", Duration.ofDays(63));

        Result related =
                http.get("/api/v1/markets/" + election.id() + "/related").send();

        assertThat(related.status()).isEqualTo(200);
        List<UUID> relatedIds = ids(related.data(), "/id");
        assertThat(relatedIds).startsWith(vp.id(), senate.id()).doesNotContain(election.id(), ube.id());
        assertThat(http.get("/api/v1/markets/" + UUID.randomUUID() + "/related")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/markets/" + election.id() + "/related?limit=0")
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/markets/not-a-uuid/related").send().status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/markets/" + election.id() + "/history?range=1h")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/markets/" + election.id() + "/history?range=2h")
                        .send()
                        .status())
                .isEqualTo(400);
        // "feed" names the feed, so a market titled Feed gets another slug.
        assertThat(market(admin, "Feed", "other", Duration.ofDays(64)).slug()).isEqualTo("feed-2");
    }

    @Test
    void a_redelivered_placement_is_counted_once() throws Exception {
        TestUser admin = users.admin();
        MarketDetail concert = market(admin, "Concert sa Pasay: sold out?", "entertainment", Duration.ofDays(30));
        TestUser ana = users.create(1_000);
        TestUser ben = users.create(0);
        ForecastPlacement placed = forecasts.place(ana.id(), new PlaceForecast(concert.id(), outcome(concert, 0), 30));
        await("the first placement", () -> trendingLine(concert) != null);
        Instant now = Instant.now();
        ForecastPlaced again = new ForecastPlaced(
                placed.forecast().id(),
                ana.id(),
                concert.id(),
                outcome(concert, 0),
                "entertainment",
                30,
                30,
                false,
                0.5,
                now);
        ForecastPlaced another = new ForecastPlaced(
                UUID.randomUUID(),
                ben.id(),
                concert.id(),
                outcome(concert, 1),
                "entertainment",
                70,
                70,
                false,
                0.5,
                now);

        // Delivered again (a restart, a resubmission) together with a placement it has not seen.
        new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> events.publishEvent(new ForecastsPlaced(List.of(again, another))));
        await(
                "the second placement",
                () -> trendingLine(concert).at("/recent_forecasters").asInt() == 2);

        assertThat(trendingLine(concert).at("/recent_volume").asLong()).isEqualTo(100);
        // Out of the other tests' way: this market stops trending.
        jdbc.sql("UPDATE discovery_stakes SET placed_at = now() - interval '25 hours' WHERE market_id = :m")
                .param("m", concert.id())
                .update();
    }

    JsonNode trendingLine(MarketDetail market) {
        for (JsonNode line : feed(null).get("trending")) {
            if (line.at("/market/id").asString().equals(market.id().toString())) {
                return line;
            }
        }
        return null;
    }

    MarketDetail market(TestUser admin, String title, String category, Duration closesIn) {
        return markets.create(
                admin.id(),
                new NewMarket(
                        title,
                        null,
                        category,
                        List.of("Yes", "No"),
                        OffsetDateTime.now(ZoneOffset.UTC).plus(closesIn),
                        null,
                        10_000L,
                        Map.of()));
    }

    JsonNode feed(TestUser user) {
        TestHttp.Call call = http.get("/api/v1/markets/feed");
        Result result = user == null ? call.send() : call.bearer(user.token()).send();
        assertThat(result.status()).isEqualTo(200);
        return result.data();
    }

    static List<UUID> ids(JsonNode list, String pointer) {
        List<UUID> ids = new ArrayList<>();
        list.forEach(item -> ids.add(UUID.fromString(item.at(pointer).asString())));
        return ids;
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
