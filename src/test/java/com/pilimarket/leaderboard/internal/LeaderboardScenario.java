package com.pilimarket.leaderboard.internal;

import static com.pilimarket.support.TestEvents.lose;
import static com.pilimarket.support.TestEvents.win;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A hand-computed leaderboard, checked over HTTP, in a database of its own so that nobody else's
 * forecasts are on the boards. The boards follow the settlements as they are scored; the rebuild
 * ({@code recomputeAll}) then drops the forecast flagged after it was settled.
 *
 * <pre>
 * user  settled now (stake 100, a win pays 250)          40 days ago      skill now / all time   profit now / all time
 * A     win q=.3 (+70), lose q=.4 (−40)                                   30 (2)  / 30 (2)       50 / 50
 * B     win q=.7 (+30)                                                    30 (1)  / 30 (1)       150 / 150
 * C     win q=.5, flagged at settlement                                   —                      —
 * D     lose q=.2 (−20)                                  win q=.1 (+90)   −20 (1) / 70 (2)       −100 / 50
 * E     win q=.9 (+10) in crypto                                          10 (1)                 150
 * F, G  win q=.9 (+10)                                                    10 (1)                 150
 * H     win q=.2 (+80), its forecast flagged after settlement             —                      —
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LeaderboardScenario {

    @Autowired
    TestUsers users;

    @Autowired
    TestHttp http;

    @Autowired
    TestEvents events;

    @Autowired
    Forecasts forecasts;

    @Autowired
    Leaderboards leaderboards;

    TestUser a, b, c, d, e, f, g, h;

    @BeforeAll
    void settleTheScenario() {
        a = users.create(0);
        b = users.create(0);
        c = users.create(0);
        d = users.create(0);
        e = users.create(0);
        f = users.create(0);
        g = users.create(0);
        h = users.create(1_000);
        Instant now = Instant.now();
        TestEvents.Result hWin = win(h.id(), 0.2);
        UUID hForecast = hWin.forecastId();
        events.settleAndWait(UUID.randomUUID(), now.minus(Duration.ofDays(40)), win(d.id(), 0.1));
        events.settleAndWait(
                UUID.randomUUID(),
                now,
                win(a.id(), 0.3),
                win(b.id(), 0.7),
                win(c.id(), 0.5).flagged(),
                lose(d.id(), 0.2),
                win(f.id(), 0.9),
                win(g.id(), 0.9),
                hWin);
        events.settleAndWait(UUID.randomUUID(), now.plusSeconds(1), lose(a.id(), 0.4));
        events.settleAndWait(
                UUID.randomUUID(), now.plusSeconds(1), win(e.id(), 0.9).in("crypto"));
        // Moderation flags H's forecast after it was settled; the next recompute leaves it out.
        assertThat(forecasts.setFlagged(List.of(hForecast), true)).isEqualTo(1);
        leaderboards.recomputeAll();
    }

    @Test
    void the_weekly_and_monthly_skill_boards_rank_only_this_periods_unflagged_forecasts() {
        List<Line> expected = new ArrayList<>();
        expected.add(new Line(a.id(), 30, 2));
        expected.add(new Line(b.id(), 30, 1));
        expected.addAll(byId(new Line(e.id(), 10, 1), new Line(f.id(), 10, 1), new Line(g.id(), 10, 1)));
        expected.add(new Line(d.id(), -20, 1));
        assertThat(board("period=weekly")).containsExactlyElementsOf(expected);
        assertThat(board("period=monthly")).containsExactlyElementsOf(expected);
    }

    @Test
    void the_all_time_skill_board_counts_every_settled_forecast() {
        List<Line> expected = new ArrayList<>();
        expected.add(new Line(d.id(), 70, 2));
        expected.add(new Line(a.id(), 30, 2));
        expected.add(new Line(b.id(), 30, 1));
        expected.addAll(byId(new Line(e.id(), 10, 1), new Line(f.id(), 10, 1), new Line(g.id(), 10, 1)));
        assertThat(board("period=all_time&metric=skill")).containsExactlyElementsOf(expected);
    }

    @Test
    void the_profit_board_ranks_by_payouts_minus_stakes() {
        List<Line> expected = new ArrayList<>(byId(
                new Line(b.id(), 150, 1),
                new Line(e.id(), 150, 1),
                new Line(f.id(), 150, 1),
                new Line(g.id(), 150, 1)));
        expected.add(new Line(a.id(), 50, 2));
        expected.add(new Line(d.id(), -100, 1));
        assertThat(board("period=weekly&metric=profit")).containsExactlyElementsOf(expected);
    }

    @Test
    void a_category_board_counts_only_that_category() {
        assertThat(board("period=weekly&category=crypto")).containsExactly(new Line(e.id(), 10, 1));
        assertThat(board("period=weekly&category=election")).isEmpty();
    }

    @Test
    void boards_are_paged_with_ranks_continuing_across_pages() {
        JsonNode body = http.get("/api/v1/leaderboard?period=weekly&page=2&limit=2")
                .send()
                .body();
        assertThat(body.get("pagination").get("total").asLong()).isEqualTo(6);
        assertThat(body.get("pagination").get("pages").asLong()).isEqualTo(3);
        JsonNode data = body.get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("rank").asInt()).isEqualTo(3);
        assertThat(data.get(1).get("rank").asInt()).isEqualTo(4);
        JsonNode first = http.get("/api/v1/leaderboard?period=weekly&limit=1")
                .send()
                .data()
                .get(0);
        assertThat(first.get("user").get("display_name").asString()).isEqualTo("Tester");
        assertThat(first.get("accuracy").asDouble()).isEqualTo(0.5);
    }

    @Test
    void the_caller_sees_their_own_rank_or_null() {
        JsonNode mine = http.get("/api/v1/leaderboard/me?period=all_time")
                .bearer(a.token())
                .send()
                .data();
        assertThat(mine.get("rank").asInt()).isEqualTo(2);
        assertThat(mine.get("score").asDouble()).isEqualTo(30.0);
        assertThat(http.get("/api/v1/leaderboard/me?period=weekly")
                        .bearer(c.token())
                        .send()
                        .data()
                        .isNull())
                .isTrue();
        assertThat(http.get("/api/v1/leaderboard/me").send().status()).isEqualTo(401);
    }

    @Test
    void unknown_periods_metrics_and_categories_are_a_400() {
        assertThat(http.get("/api/v1/leaderboard?period=daily").send().errorCode())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.get("/api/v1/leaderboard?metric=luck").send().status()).isEqualTo(400);
        assertThat(http.get("/api/v1/leaderboard?category=cooking").send().status())
                .isEqualTo(400);
    }

    /** One line of a board as a user sees it (ranks are checked to run 1, 2, 3, …). */
    record Line(UUID user, double score, int forecasts) {}

    private List<Line> board(String query) {
        JsonNode data =
                http.get("/api/v1/leaderboard?limit=100&" + query).send().data();
        List<Line> lines = new ArrayList<>();
        int rank = 1;
        for (JsonNode line : data) {
            assertThat(line.get("rank").asInt()).isEqualTo(rank++);
            lines.add(new Line(
                    UUID.fromString(line.get("user").get("id").asString()),
                    Math.round(line.get("score").asDouble() * 1e6) / 1e6,
                    line.get("forecasts").asInt()));
        }
        return lines;
    }

    /** Equal score and forecasts: by user id (PostgreSQL orders uuids as their text). */
    private static List<Line> byId(Line... lines) {
        List<Line> sorted = new ArrayList<>(List.of(lines));
        sorted.sort(Comparator.comparing(line -> line.user().toString()));
        return sorted;
    }

    static void await(Runnable assertion) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(assertion::run);
    }
}
