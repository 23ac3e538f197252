package com.pilimarket.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** The demo markets as a visitor sees them: closed before their events, with a believable past. */
@IntegrationTest
@TestPropertySource(properties = "pilimarket.demo-data=true")
class DemoDataIntegrationTests {

    @Autowired
    TestHttp http;

    private List<JsonNode> openMarkets() {
        JsonNode list = http.get("/api/v1/markets?status=open&limit=50").send().data();
        List<JsonNode> open = new ArrayList<>();
        list.forEach(open::add);
        return open;
    }

    @Test
    void every_demo_market_closes_at_or_before_its_event() {
        List<JsonNode> open = openMarkets();
        assertThat(open).hasSizeGreaterThanOrEqualTo(10);
        OffsetDateTime now = OffsetDateTime.now();
        for (JsonNode market : open) {
            OffsetDateTime closes = OffsetDateTime.parse(market.get("closes_at").asString());
            OffsetDateTime resolves =
                    OffsetDateTime.parse(market.get("resolves_at").asString());
            assertThat(closes).as(market.get("title").asString()).isAfter(now).isBeforeOrEqualTo(resolves);
        }
        // The example of the report: "BTC on 31 Dec 2026" closed on 5 Jan 2027.
        open.stream()
                .filter(m -> m.get("title").asString().contains("Bitcoin"))
                .forEach(btc -> assertThat(
                                OffsetDateTime.parse(btc.get("closes_at").asString()))
                        .isBeforeOrEqualTo(OffsetDateTime.parse("2026-12-31T00:00:00+08:00")));
    }

    @Test
    void every_schedule_closes_at_or_before_its_expected_answer() {
        assertThat(DemoData.MARKETS)
                .allSatisfy(m -> assertThat(m.schedule().closesAt())
                        .isBeforeOrEqualTo(m.schedule().resolvesAt()));
    }

    @Test
    void seeded_history_is_spread_over_past_days_and_ends_at_the_current_odds() {
        OffsetDateTime now = OffsetDateTime.now();
        for (JsonNode market : openMarkets()) {
            String id = market.get("id").asString();
            JsonNode history =
                    http.get("/api/v1/markets/" + id + "/history").send().data();
            if (history.size() < 2) {
                continue; // a market nobody forecast on has no history to spread
            }
            List<OffsetDateTime> times = new ArrayList<>();
            history.forEach(p -> times.add(OffsetDateTime.parse(p.get("at").asString())));
            assertThat(times).isSorted();
            assertThat(times.get(times.size() - 1)).isBefore(now);
            assertThat(Duration.between(times.get(0), times.get(times.size() - 1)))
                    .as("history of %s spans days, not the seconds of start-up", market.get("title"))
                    .isGreaterThan(Duration.ofDays(1));
            OffsetDateTime opened =
                    OffsetDateTime.parse(market.get("created_at").asString());
            assertThat(opened).isBeforeOrEqualTo(times.get(0)).isAfter(now.minusDays(32));

            JsonNode last = history.get(history.size() - 1).get("probabilities");
            JsonNode detail = http.get("/api/v1/markets/" + id).send().data();
            detail.get("outcomes")
                    .forEach(o -> assertThat(last.get(o.get("id").asString()).asDouble())
                            .isCloseTo(o.get("probability").asDouble(), within(0.0001)));
        }
    }
}
