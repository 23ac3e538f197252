package com.pilimarket.referrals;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.ForecastsPlaced;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class ReferralsIntegrationTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Forecasts forecasts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    TestMarkets markets;

    @Autowired
    TestEvents events;

    MarketDetail market;

    @BeforeEach
    void setUp() {
        market = markets.open("Referral market", "Yes", "No");
    }

    /** Registers through {@code code}'s link from the given device; returns the new account's id. */
    private UUID register(String code, String device) {
        return UUID.fromString(
                registration(code, device).data().get("user").get("id").asString());
    }

    /** Registers through {@code code}'s link from the given device; returns the answer (with its access token). */
    private Result registration(String code, String device) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", "r" + UUID.randomUUID().toString().substring(0, 12) + "@test.ph");
        body.put("password", PASSWORD);
        body.put("display_name", "Invitee");
        body.put("referral_code", code);
        var call = http.post("/api/v1/auth/register", body);
        if (device != null) {
            call = call.header("X-Device-Id", device);
        }
        Result result = call.send();
        assertThat(result.status()).isEqualTo(201);
        events.awaitListeners();
        return result;
    }

    /** The messages of the user's referral_bonus notifications, as they read them in {@code language}. */
    private List<String> bonusNotifications(String token, String language) {
        Result list = http.get("/api/v1/notifications")
                .bearer(token)
                .header("Accept-Language", language)
                .send();
        assertThat(list.status()).isEqualTo(200);
        List<String> messages = new java.util.ArrayList<>();
        for (JsonNode n : list.data()) {
            if ("referral_bonus".equals(n.get("type").asString())) {
                messages.add(n.get("title").asString() + ": " + n.get("message").asString());
            }
        }
        return messages;
    }

    private long chips(UUID userId) {
        return jdbc.sql("SELECT chips FROM users WHERE id = :id")
                .param("id", userId)
                .query(Long.class)
                .single();
    }

    private void forecast(UUID userId, long points) {
        forecasts.place(userId, new PlaceForecast(market.id(), outcome(market, 0), points));
        events.awaitListeners();
    }

    private String status(UUID inviteeId) {
        return jdbc.sql("SELECT status FROM referrals WHERE invitee_id = :id")
                .param("id", inviteeId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private long referralTransactions(UUID inviteeId) {
        return jdbc.sql("SELECT count(*) FROM ledger_transactions WHERE reference = :ref")
                .param("ref", "referral:" + inviteeId)
                .query(Long.class)
                .single();
    }

    @Test
    void both_earn_the_bonus_once_and_only_after_the_invitees_first_forecast() {
        TestUser referrer = users.create(0);
        UUID invitee = register(referrer.account().handle().toUpperCase(), "phone-of-invitee");

        assertThat(status(invitee)).isEqualTo("pending");
        assertThat(chips(referrer.id())).as("nothing before a forecast").isZero();
        assertThat(chips(invitee)).isEqualTo(1_000);

        forecast(invitee, 50);

        assertThat(status(invitee)).isEqualTo("paid");
        assertThat(chips(referrer.id())).isEqualTo(100);
        assertThat(chips(invitee)).isEqualTo(1_000 - 50 + 100);
        assertThat(referralTransactions(invitee)).isEqualTo(1);

        // A second forecast, and the first one's event delivered again, pay nothing more.
        forecast(invitee, 10);
        events.publishAndWait(new ForecastsPlaced(List.of(new ForecastPlaced(
                UUID.randomUUID(),
                invitee,
                market.id(),
                outcome(market, 0),
                "other",
                50,
                50,
                false,
                0.5,
                Instant.now()))));
        assertThat(chips(referrer.id())).isEqualTo(100);
        assertThat(referralTransactions(invitee)).isEqualTo(1);
        assertThat(invariants.check().holds()).isTrue();

        Result statement = http.get("/api/v1/users/me/transactions")
                .bearer(referrer.token())
                .send();
        assertThat(statement.data().get(0).get("reference").asString()).isEqualTo("referral:" + invitee);
        assertThat(statement.data().get(0).get("reason_code").asString()).isEqualTo("referral_bonus");
    }

    @Test
    void both_are_told_of_the_paid_bonus_in_their_own_language() {
        TestUser referrer = users.create(0);
        Result registered = registration(referrer.account().handle(), "phone-told");
        UUID invitee = UUID.fromString(registered.data().get("user").get("id").asString());
        String inviteeToken = registered.data().get("access_token").asString();
        assertThat(bonusNotifications(referrer.token(), "en"))
                .as("nothing before a forecast")
                .isEmpty();

        forecast(invitee, 20);

        assertThat(bonusNotifications(referrer.token(), "en"))
                .containsExactly("Referral bonus: Invitee placed a first forecast: you earned 100 chips (₱100) for"
                        + " inviting them");
        assertThat(bonusNotifications(referrer.token(), "fil"))
                .containsExactly("Referral bonus: Nag-forecast na si Invitee: nakakuha ka ng 100 chips (₱100) dahil"
                        + " inimbita mo siya");
        assertThat(bonusNotifications(inviteeToken, "en"))
                .containsExactly("Referral bonus: Welcome bonus: you earned 100 chips (₱100) for joining through "
                        + referrer.account().displayName() + "’s invitation");
        assertThat(bonusNotifications(inviteeToken, "fil"))
                .containsExactly("Referral bonus: Welcome bonus: nakakuha ka ng 100 chips (₱100) dahil sumali ka sa"
                        + " imbitasyon ni " + referrer.account().displayName());

        // The paid event delivered again tells nobody twice.
        events.publishAndWait(new ReferralPaid(referrer.id(), invitee, 100, 100));
        assertThat(bonusNotifications(referrer.token(), "en")).hasSize(1);
        assertThat(bonusNotifications(inviteeToken, "en")).hasSize(1);
    }

    @Test
    void a_referrer_who_turned_the_notification_off_is_paid_without_being_told() {
        TestUser referrer = users.create(0);
        Result off = http.put("/api/v1/users/me/notification-preferences", Map.of("referral_bonus", false))
                .bearer(referrer.token())
                .send();
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.data().get("referral_bonus").asBoolean()).isFalse();
        UUID invitee = register(referrer.account().handle(), "phone-quiet");

        forecast(invitee, 20);

        assertThat(chips(referrer.id())).isEqualTo(100);
        assertThat(bonusNotifications(referrer.token(), "en")).isEmpty();
    }

    @Test
    void accounts_on_one_device_get_nothing_and_are_flagged_for_review() {
        TestUser referrer = users.create(0);
        jdbc.sql("INSERT INTO user_signals (user_id, event, device_id) VALUES (:id, 'login', 'shared-phone')")
                .param("id", referrer.id())
                .update();
        UUID invitee = register(referrer.account().handle(), "shared-phone");

        forecast(invitee, 50);

        assertThat(status(invitee)).isEqualTo("refused");
        assertThat(chips(referrer.id())).isZero();
        assertThat(chips(invitee)).isEqualTo(1_000 - 50);
        assertThat(referralTransactions(invitee)).isZero();
        List<String> flagged = jdbc.sql("SELECT user_id::text FROM flags WHERE rule = 'referral_tied_accounts'"
                        + " AND user_id IN (:a, :b)")
                .param("a", referrer.id())
                .param("b", invitee)
                .query(String.class)
                .list();
        assertThat(flagged).containsExactlyInAnyOrder(referrer.id().toString(), invitee.toString());
        assertThat(invariants.check().holds()).isTrue();
    }

    @Test
    void a_flagged_invitee_earns_nobody_a_bonus() {
        TestUser referrer = users.create(0);
        UUID invitee = register(referrer.account().handle(), "another-phone");
        jdbc.sql("UPDATE users SET is_flagged = true WHERE id = :id")
                .param("id", invitee)
                .update();

        forecast(invitee, 50);

        assertThat(status(invitee)).isEqualTo("refused");
        assertThat(chips(referrer.id())).isZero();
        assertThat(referralTransactions(invitee)).isZero();
    }

    @Test
    void past_the_monthly_cap_only_the_invitee_is_paid() {
        TestUser referrer = users.create(0);
        for (int i = 0; i < 20; i++) {
            TestUser earlier = users.create(0);
            jdbc.sql("INSERT INTO referrals (invitee_id, referrer_id, code, status, referrer_bonus, invitee_bonus,"
                            + " settled_at) VALUES (:invitee, :referrer, 'x', 'paid', 100, 100, now())")
                    .param("invitee", earlier.id())
                    .param("referrer", referrer.id())
                    .update();
        }
        UUID invitee = register(referrer.account().handle(), "capped-phone");

        forecast(invitee, 50);

        assertThat(status(invitee)).isEqualTo("capped");
        assertThat(chips(referrer.id())).isZero();
        assertThat(bonusNotifications(referrer.token(), "en"))
                .as("a capped referrer earned nothing")
                .isEmpty();
        assertThat(chips(invitee)).isEqualTo(1_000 - 50 + 100);
        assertThat(invariants.check().holds()).isTrue();
    }

    @Test
    void an_unknown_or_hostile_referral_code_registers_without_a_referral() {
        UUID plain = register("nobody_with_this_handle", null);
        UUID hostile = register("'; DROP TABLE referrals; --", null);

        assertThat(status(plain)).isNull();
        assertThat(status(hostile)).isNull();
    }

    @Test
    void the_referrer_sees_their_code_earnings_and_invitees() {
        TestUser referrer = users.create(0);
        UUID paid = register(referrer.account().handle(), "phone-a");
        forecast(paid, 20);
        UUID waiting = register(referrer.account().handle(), "phone-b");

        Result mine =
                http.get("/api/v1/users/me/referrals").bearer(referrer.token()).send();

        assertThat(mine.status()).isEqualTo(200);
        JsonNode data = mine.data();
        assertThat(data.get("code").asString()).isEqualTo(referrer.account().handle());
        assertThat(data.get("bonus").asLong()).isEqualTo(100);
        assertThat(data.get("monthly_cap").asInt()).isEqualTo(20);
        assertThat(data.get("paid_this_month").asLong()).isEqualTo(1);
        assertThat(data.get("chips_earned").asLong()).isEqualTo(100);
        assertThat(data.get("invitee_count").asLong()).isEqualTo(2);
        assertThat(data.get("invitees"))
                .extracting(n -> n.get("id").asString() + ":" + n.get("status").asString())
                .containsExactly(waiting + ":pending", paid + ":paid");
        assertThat(data.get("invitees").get(0).has("email")).isFalse();

        assertThat(http.get("/api/v1/users/me/referrals").send().status()).isEqualTo(401);
    }

    @Test
    void admin_stats_count_referral_signups_and_bonuses() {
        TestUser referrer = users.create(0);
        UUID invitee = register(referrer.account().handle(), "phone-stats");
        forecast(invitee, 20);
        TestUser admin = users.admin();

        Result stats = http.get("/api/v1/admin/stats").bearer(admin.token()).send();

        JsonNode referrals = stats.data().get("referrals");
        assertThat(referrals.get("signups").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(referrals.get("paid").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(referrals.get("bonus_chips").asLong()).isGreaterThanOrEqualTo(200);
    }
}
