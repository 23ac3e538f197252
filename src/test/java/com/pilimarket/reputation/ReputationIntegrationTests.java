package com.pilimarket.reputation;

import static com.pilimarket.support.TestEvents.lose;
import static com.pilimarket.support.TestEvents.refund;
import static com.pilimarket.support.TestEvents.win;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.forecasting.SettledBatch;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestEvents.Result;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ReputationIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestHttp http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestMarkets markets;

    @Autowired
    TestEvents events;

    UUID marketId;

    @BeforeEach
    void setUp() {
        // ForecastPlaced names a real market: the activity feed links to it.
        marketId = markets.open("Placed on", "Yes", "No").id();
    }

    @Test
    void reputation_and_stats_follow_the_skill_formula_on_a_worked_example() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        Instant now = Instant.now();
        Result longShot = win(ana.id(), 0.20); // +80
        Result favourite = lose(ana.id(), 0.60); // −60
        Result refunded = refund(ana.id()); // 0, and not "settled"
        for (Result r : List.of(longShot, favourite, refunded)) {
            events.publishAndWait(placed(r.forecastId(), ana.id(), 100, 100));
        }
        events.settleAndWait(UUID.randomUUID(), now, longShot, lose(ben.id(), 0.70));
        events.settleAndWait(UUID.randomUUID(), now.plusSeconds(1), favourite);
        events.settleAndWait(UUID.randomUUID(), now.plusSeconds(2), refunded);

        JsonNode stats = http.get("/api/v1/users/" + ana.id() + "/stats").send().data();
        assertThat(stats.get("reputation").asDouble()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.get("forecasts").asLong()).isEqualTo(3);
        assertThat(stats.get("settled").asLong()).isEqualTo(2);
        assertThat(stats.get("won").asLong()).isEqualTo(1);
        assertThat(stats.get("accuracy").asDouble()).isEqualTo(0.5);
        assertThat(stats.get("profit").asLong()).isEqualTo((250 - 100) + (0 - 100));
        assertThat(stats.get("total_staked").asLong()).isEqualTo(300);
        JsonNode calibration = stats.get("calibration");
        assertThat(calibration).hasSize(10);
        assertThat(calibration.get(2).get("bucket").asString()).isEqualTo("20-30%");
        assertThat(calibration.get(2).get("forecasts").asLong()).isEqualTo(1);
        assertThat(calibration.get(2).get("won").asLong()).isEqualTo(1);
        assertThat(calibration.get(6).get("forecasts").asLong()).isEqualTo(1);
        assertThat(calibration.get(6).get("won").asLong()).isZero();

        assertThat(http.get("/api/v1/users/" + ana.id())
                        .send()
                        .data()
                        .get("reputation")
                        .asDouble())
                .isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        // Σ s = −70, but reputation is never negative.
        assertThat(http.get("/api/v1/users/" + ben.id() + "/stats")
                        .send()
                        .data()
                        .get("reputation")
                        .asDouble())
                .isZero();
    }

    @Test
    void stats_of_an_unknown_user_are_a_404() {
        assertThat(http.get("/api/v1/users/" + UUID.randomUUID() + "/stats")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void first_forecast_then_high_roller_at_ten_thousand_chips_staked_in_total() {
        TestUser user = users.create(0);
        events.publishAndWait(placed(UUID.randomUUID(), user.id(), 6_000, 6_000));
        assertThat(badges(user)).containsExactly("first_forecast");

        UUID second = UUID.randomUUID();
        events.publishAndWait(placed(second, user.id(), 3_000, 3_000));
        assertThat(badges(user)).containsExactly("first_forecast");
        events.publishAndWait(placed(second, user.id(), 1_000, 4_000)); // a top-up to 4,000: 10,000 in all
        assertThat(badges(user)).containsExactlyInAnyOrder("first_forecast", "high_roller");
    }

    @Test
    void a_group_committed_batch_counts_each_placement_as_single_events_would() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        UUID bens = UUID.randomUUID();
        UUID anas = UUID.randomUUID();
        // Ben twice in one batch (the savepoint path can do that): his forecast reaches 10,000.
        events.publishAndWait(new ForecastsPlaced(List.of(
                placed(bens, ben.id(), 6_000, 6_000).placements().get(0),
                placed(anas, ana.id(), 100, 100).placements().get(0),
                placed(bens, ben.id(), 4_000, 10_000).placements().get(0))));

        assertThat(badges(ana)).containsExactly("first_forecast");
        assertThat(badges(ben)).containsExactlyInAnyOrder("first_forecast", "high_roller");
        assertThat(jdbc.sql("SELECT total_points FROM rep_forecasts WHERE forecast_id = :f")
                        .param("f", bens)
                        .query(Long.class)
                        .single())
                .isEqualTo(10_000);
    }

    @Test
    void a_contrarian_early_win_earns_first_win_contrarian_and_early_bird_and_a_notification() {
        TestUser bold = users.create(0);
        TestUser plain = users.create(0);
        Instant now = Instant.now();
        Instant opened = now.minus(3, ChronoUnit.DAYS);
        events.settleAndWait(
                UUID.randomUUID(),
                now,
                win(bold.id(), 0.20).placedAfterOpening(opened, 30),
                win(plain.id(), 0.25).placedAfterOpening(opened, 61));

        assertThat(badges(bold)).containsExactlyInAnyOrder("first_win", "contrarian", "early_bird");
        assertThat(badges(plain)).containsExactly("first_win");

        List<String> messages = new ArrayList<>();
        http.get("/api/v1/notifications").bearer(bold.token()).send().data().forEach(n -> {
            if (n.get("type").asString().equals("badge_earned")) {
                messages.add(n.get("message").asString());
            }
        });
        assertThat(messages).hasSize(3).anyMatch(m -> m.contains("Contrarian"));
    }

    @Test
    void five_wins_in_a_row_earn_streak_5_and_refunds_neither_break_nor_count() {
        TestUser steady = users.create(0);
        TestUser broken = users.create(0);
        TestUser padded = users.create(0);
        Instant start = Instant.now();
        String steadyRun = "WWRWWW";
        String brokenRun = "WWWWLW";
        String paddedRun = "WWRRWW";
        for (int i = 0; i < 6; i++) {
            events.settleAndWait(
                    UUID.randomUUID(),
                    start.plusSeconds(i),
                    result(steady.id(), steadyRun.charAt(i)),
                    result(broken.id(), brokenRun.charAt(i)),
                    result(padded.id(), paddedRun.charAt(i)));
        }
        assertThat(badges(steady)).contains("streak_5");
        assertThat(badges(broken)).doesNotContain("streak_5");
        assertThat(badges(padded)).doesNotContain("streak_5");
    }

    @Test
    void ten_wins_make_sharp_10_and_ten_settled_in_a_category_with_positive_skill_make_an_expert() {
        TestUser sharp = users.create(0);
        TestUser busy = users.create(0);
        Instant start = Instant.now();
        for (int i = 0; i < 10; i++) {
            // busy: 5 wins at q = 0.6 (+40 each) and 5 losses at q = 0.6 (−60 each): Σ s = −100.
            Result busyResult = i % 2 == 0 ? win(busy.id(), 0.6) : lose(busy.id(), 0.6);
            events.settleAndWait(
                    UUID.randomUUID(),
                    start.plusSeconds(i),
                    win(sharp.id(), 0.5).in("crypto"),
                    busyResult.in("crypto"));
            if (i == 8) {
                assertThat(badges(sharp)).doesNotContain("sharp_10", "category_expert_crypto");
            }
        }
        assertThat(badges(sharp))
                .containsExactlyInAnyOrder("first_win", "streak_5", "sharp_10", "category_expert_crypto");
        assertThat(badges(busy)).containsExactly("first_win");
    }

    @Test
    void a_redelivered_settlement_changes_nothing() {
        TestUser user = users.create(0);
        SettledBatch settled = events.settleAndWait(UUID.randomUUID(), Instant.now(), win(user.id(), 0.1));
        List<String> before = badges(user);
        double reputation = reputation(user);
        long notifications = notificationCount(user);

        events.publishAndWait(settled);
        events.publishAndWait(settled);

        assertThat(badges(user)).isEqualTo(before).containsExactlyInAnyOrder("first_win", "contrarian");
        assertThat(reputation(user)).isEqualTo(reputation).isCloseTo(90.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(notificationCount(user)).isEqualTo(notifications).isEqualTo(3); // resolved + 2 badges
        assertThat(jdbc.sql("SELECT count(*) FROM settled_forecasts WHERE user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void the_badge_catalogue_lists_every_badge() {
        JsonNode catalogue = http.get("/api/v1/badges").send().data();
        List<String> ids = new ArrayList<>();
        catalogue.forEach(b -> ids.add(b.get("id").asString()));
        assertThat(ids)
                .contains(
                        "first_forecast",
                        "first_win",
                        "sharp_10",
                        "streak_5",
                        "contrarian",
                        "early_bird",
                        "high_roller",
                        "top10_monthly",
                        "category_expert_election",
                        "category_expert_other");
        assertThat(catalogue.get(0).get("name").asString()).isNotBlank();
        assertThat(catalogue.get(0).get("description").asString()).isNotBlank();
    }

    private static Result result(UUID userId, char code) {
        return switch (code) {
            case 'W' -> win(userId, 0.5);
            case 'L' -> lose(userId, 0.5);
            default -> refund(userId);
        };
    }

    /** One placement, published as the forecasting module's placement feed does. */
    private ForecastsPlaced placed(UUID forecastId, UUID userId, long points, long total) {
        return new ForecastsPlaced(List.of(new ForecastPlaced(
                forecastId,
                userId,
                marketId,
                UUID.randomUUID(),
                "sports",
                points,
                total,
                total != points,
                0.5,
                Instant.now())));
    }

    private List<String> badges(TestUser user) {
        List<String> badges = new ArrayList<>();
        http.get("/api/v1/users/" + user.id())
                .send()
                .data()
                .get("badges")
                .forEach(b -> badges.add(b.get("badge").asString()));
        return badges;
    }

    private double reputation(TestUser user) {
        return http.get("/api/v1/users/" + user.id())
                .send()
                .data()
                .get("reputation")
                .asDouble();
    }

    private long notificationCount(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = :u")
                .param("u", user.id())
                .query(Long.class)
                .single();
    }
}
