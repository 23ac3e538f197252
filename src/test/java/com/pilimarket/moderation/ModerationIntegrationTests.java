package com.pilimarket.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import com.pilimarket.users.UserRole;
import com.stripe.net.Webhook;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
// The test client stands in for a trusted proxy: its X-Forwarded-* headers count.
// Production password hashing too: the same settings as AuthIntegrationTests, so the two share one context.
@org.springframework.test.context.TestPropertySource(
        properties = {"pilimarket.web.trusted-proxies=127.0.0.1, ::1", "pilimarket.test.password-hashing=production"})
class ModerationIntegrationTests {

    static final String STRIPE_SECRET = "whsec_test_payments_secret_0123456789";

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets marketsApi;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    SystemInvariants invariants;

    TestUser admin;
    TestUser moderator;

    @Autowired
    TestMarkets markets;

    @BeforeEach
    void staff() {
        admin = users.create(0, UserRole.ADMIN);
        moderator = users.create(0, UserRole.MODERATOR);
    }

    @AfterEach
    void theAuditChainAndTheMoneyHold() {
        assertThat(auditLog.verify().intact()).isTrue();
        assertThat(invariants.check().violations()).isEmpty();
    }

    // ------------------------------------------------------------------ multi-account rules

    @Test
    void four_accounts_signed_up_on_one_device_are_all_flagged_at_registration_but_three_are_not() {
        String device = "device-" + UUID.randomUUID();
        String quietDevice = "device-" + UUID.randomUUID();
        List<UUID> quiet = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            quiet.add(register(quietDevice, "198.51.100." + (10 + i)));
        }
        List<UUID> farm = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            farm.add(register(device, "198.51.100." + (20 + i)));
        }

        await("device flags", () -> flags("multi_account_device", null).size() >= 4);
        scan();

        List<JsonNode> found = flags("multi_account_device", null).stream()
                .filter(f -> f.get("evidence").get("device_id").asString().equals(device))
                .toList();
        assertThat(found)
                .extracting(f -> UUID.fromString(f.get("user").get("id").asString()))
                .containsExactlyInAnyOrderElementsOf(farm);
        JsonNode one = found.get(0);
        assertThat(one.get("subject_type").asString()).isEqualTo("user");
        assertThat(one.get("evidence").get("accounts").asInt()).isEqualTo(4);
        assertThat(one.get("evidence").get("max_accounts").asInt()).isEqualTo(3);
        assertThat(one.get("user").get("email").asString()).endsWith("@example.ph");
        assertThat(one.get("user").get("is_flagged").asBoolean()).isTrue();
        for (UUID user : quiet) {
            assertThat(flagsOf(user)).isEmpty();
            assertThat(userFlagged(user)).isFalse();
        }

        Result listed = http.get("/api/v1/admin/users?flagged=true&q=" + farm.get(0))
                .bearer(moderator.token())
                .send();
        assertThat(listed.data()).hasSize(1);
        assertThat(http.get("/api/v1/admin/users?flagged=false&q=" + farm.get(0))
                        .bearer(moderator.token())
                        .send()
                        .data())
                .isEmpty();
        assertThat(http.get("/api/v1/admin/users?flagged=maybe")
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void four_accounts_from_one_signup_ip_are_flagged_but_three_are_not_and_loopback_never_counts() {
        List<UUID> crowd = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            crowd.add(register("d-" + UUID.randomUUID(), "203.0.113.77"));
        }
        List<UUID> family = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            family.add(register("d-" + UUID.randomUUID(), "203.0.113.78"));
        }
        scan();

        for (UUID user : crowd) {
            assertThat(flagsOf(user)).singleElement().satisfies(f -> {
                assertThat(f.get("rule").asString()).isEqualTo("multi_account_ip");
                assertThat(f.get("evidence").get("ip").asString()).isEqualTo("203.0.113.77");
            });
        }
        for (UUID user : family) {
            assertThat(flagsOf(user)).isEmpty();
        }
        assertThat(flags("multi_account_ip", null))
                .noneMatch(f -> f.get("evidence").get("ip").asString().equals("127.0.0.1"));
    }

    @Test
    void registering_and_buying_chips_record_device_signals() {
        String device = "device-" + UUID.randomUUID();
        UUID user = register(device, "198.51.100.200");
        String token = login(user, device);

        Result purchase = http.post("/api/v1/purchases", Map.of("chips", 100, "provider", "gcash"))
                .bearer(token)
                .header("X-Device-Id", device)
                .header("X-Forwarded-For", "198.51.100.201")
                .send();
        assertThat(purchase.status()).isEqualTo(201);

        List<String> events = jdbc.sql("SELECT event || ' ' || device_id || ' ' || ip FROM user_signals"
                        + " WHERE user_id = :u ORDER BY id")
                .param("u", user)
                .query(String.class)
                .list();
        assertThat(events)
                .containsExactly(
                        "register " + device + " 198.51.100.200",
                        "login " + device + " 198.51.100.200",
                        "purchase " + device + " 198.51.100.201");
    }

    // ------------------------------------------------------------------ opposite sides

    @Test
    void two_accounts_always_on_opposite_sides_are_flagged_with_their_forecasts_and_clearing_unflags_them() {
        TestUser alice = users.create(1_000);
        TestUser bob = users.create(1_000);
        List<MarketDetail> shared = List.of(
                markets.open("Opposite 1?", "Yes", "No"),
                markets.open("Opposite 2?", "Yes", "No"),
                markets.open("Opposite 3?", "Yes", "No"));
        for (MarketDetail market : shared) {
            forecast(alice, market, 0, 100);
            forecast(bob, market, 1, 100);
        }

        Result report = scan();
        assertThat(report.data()
                        .get("rules")
                        .get("opposite_sides")
                        .get("raised")
                        .asInt())
                .isGreaterThanOrEqualTo(8);

        List<JsonNode> aliceFlags = flagsOf(alice.id());
        assertThat(aliceFlags).hasSize(4).allMatch(f -> f.get("rule").asString().equals("opposite_sides"));
        JsonNode userFlag = aliceFlags.stream()
                .filter(f -> f.get("subject_type").asString().equals("user"))
                .findFirst()
                .orElseThrow();
        assertThat(userFlag.get("evidence").get("partner_id").asString())
                .isEqualTo(bob.id().toString());
        assertThat(userFlag.get("evidence").get("shared_markets").asInt()).isEqualTo(3);
        assertThat(userFlag.get("evidence").get("opposite_markets").asInt()).isEqualTo(3);
        JsonNode forecastFlag = aliceFlags.stream()
                .filter(f -> f.get("subject_type").asString().equals("forecast"))
                .findFirst()
                .orElseThrow();
        assertThat(forecastFlag.get("subject").get("market_title").asString()).startsWith("Opposite");
        assertThat(forecastFlag.get("subject").get("points").asLong()).isEqualTo(100);
        assertThat(forecastFlag.get("subject").get("is_flagged").asBoolean()).isTrue();
        assertThat(flaggedForecasts(alice.id())).isEqualTo(3);
        assertThat(flaggedForecasts(bob.id())).isEqualTo(3);
        assertThat(userFlagged(alice.id())).isTrue();

        // Clearing Alice's account flag clears the same finding on her forecasts; Bob stays flagged.
        Result cleared = clear(userFlag.get("id").asString(), "siblings, checked by phone");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.data().get("flag").get("status").asString()).isEqualTo("cleared");
        assertThat(cleared.data().get("flag").get("cleared_reason").asString()).isEqualTo("siblings, checked by phone");
        assertThat(cleared.data().get("also_cleared")).hasSize(3);
        assertThat(flagsOf(alice.id())).isEmpty();
        assertThat(userFlagged(alice.id())).isFalse();
        assertThat(flaggedForecasts(alice.id())).isZero();
        assertThat(flaggedForecasts(bob.id())).isEqualTo(3);
        assertThat(userFlagged(bob.id())).isTrue();

        Result history = http.get("/api/v1/admin/flags?status=cleared&user_id=" + alice.id())
                .bearer(moderator.token())
                .send();
        assertThat(history.data()).hasSize(4);

        // The next scan sees the same facts but does not re-raise what a moderator cleared.
        scan();
        assertThat(flagsOf(alice.id())).isEmpty();

        JsonNode audit = http.get("/api/v1/admin/audit-log?action=flag.cleared&target_id="
                        + userFlag.get("id").asString())
                .bearer(admin.token())
                .send()
                .data()
                .get(0);
        assertThat(audit.get("actor_id").asString()).isEqualTo(moderator.id().toString());
        assertThat(audit.get("details").get("reason").asString()).isEqualTo("siblings, checked by phone");
        assertThat(audit.get("details").get("also_cleared")).hasSize(3);
        assertThat(http.get("/api/v1/admin/audit-log?action=flag.raised&target_id="
                                + forecastFlag.get("id").asString())
                        .bearer(admin.token())
                        .send()
                        .data())
                .hasSize(1);
    }

    @Test
    void accounts_that_agree_sometimes_or_share_too_few_markets_are_not_flagged() {
        TestUser carol = users.create(1_000);
        TestUser dave = users.create(1_000);
        TestUser erin = users.create(1_000);
        TestUser frank = users.create(1_000);
        // Three shared markets, opposite in two (67 % < 80 %).
        for (int i = 0; i < 3; i++) {
            MarketDetail market = markets.open("Sometimes " + i + "?", "Yes", "No");
            forecast(carol, market, 0, 50);
            forecast(dave, market, i == 0 ? 0 : 1, 50);
        }
        // Always opposite, but only two shared markets.
        for (int i = 0; i < 2; i++) {
            MarketDetail market = markets.open("Twice " + i + "?", "Yes", "No");
            forecast(erin, market, 0, 50);
            forecast(frank, market, 1, 50);
        }
        scan();
        for (TestUser user : List.of(carol, dave, erin, frank)) {
            assertThat(flagsOf(user.id())).isEmpty();
            assertThat(flaggedForecasts(user.id())).isZero();
        }
    }

    // ------------------------------------------------------------------ long-shot sniper

    @Test
    void a_fresh_account_going_all_in_on_long_shots_just_before_closing_is_flagged_but_near_misses_are_not() {
        TestUser crowd = users.create(100_000);
        TestUser sniper = users.create(1_000);
        TestUser cautious = users.create(1_000);
        TestUser veteran = users.create(1_000);
        jdbc.sql("UPDATE users SET created_at = now() - interval '8 days' WHERE id = :id")
                .param("id", veteran.id())
                .update();

        List<MarketDetail> sniped = new ArrayList<>();
        long[] sniperStakes = {300, 300, 310};
        for (int i = 0; i < 3; i++) {
            MarketDetail market = closingSoon("Sniped " + i + "?");
            forecast(crowd, market, 0, 5_000);
            Result placed = forecast(sniper, market, 1, sniperStakes[i]);
            assertThat(placed.data().get("crowd_probability").asDouble()).isLessThan(0.15);
            sniped.add(market);
        }
        for (int i = 0; i < 3; i++) {
            MarketDetail market = closingSoon("Cautious " + i + "?");
            forecast(crowd, market, 0, 5_000);
            forecast(cautious, market, 1, 250);
            MarketDetail old = closingSoon("Veteran " + i + "?");
            forecast(crowd, old, 0, 5_000);
            forecast(veteran, old, 1, sniperStakes[i]);
        }
        // A long shot far from closing time does not count either.
        MarketDetail early = markets.open("Far from closing?", "Yes", "No");
        forecast(crowd, early, 0, 5_000);

        scan();

        // Taking the other side of the crowd's forecasts in three markets is also opposite_sides.
        List<JsonNode> flagged = flags("long_shot_sniper", sniper.id());
        assertThat(flagged).hasSize(4);
        JsonNode account = flagged.stream()
                .filter(f -> f.get("subject_type").asString().equals("user"))
                .findFirst()
                .orElseThrow();
        assertThat(account.get("evidence").get("markets").asInt()).isEqualTo(3);
        assertThat(account.get("evidence").get("long_shot_stake").asLong()).isEqualTo(910);
        assertThat(account.get("evidence").get("balance_left").asLong()).isEqualTo(90);
        assertThat(account.get("evidence").get("stake_share").asDouble()).isEqualTo(0.91);
        assertThat(flaggedForecasts(sniper.id())).isEqualTo(3);
        assertThat(flags("long_shot_sniper", cautious.id())).isEmpty();
        assertThat(flags("long_shot_sniper", veteran.id())).isEmpty();
        assertThat(flags("long_shot_sniper", crowd.id())).isEmpty();
    }

    // ------------------------------------------------------------------ purchases

    @Test
    void a_fourth_purchase_within_minutes_is_flagged_with_its_amount_but_three_are_not() {
        TestUser hasty = users.create(0);
        TestUser steady = users.create(0);
        List<UUID> purchases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            purchases.add(buy(hasty, 100 + i));
        }
        for (int i = 0; i < 3; i++) {
            buy(steady, 100);
        }

        await("velocity flag", () -> !flagsOf(hasty.id()).isEmpty());
        JsonNode flag = flagsOf(hasty.id()).get(0);
        assertThat(flag.get("rule").asString()).isEqualTo("purchase_velocity");
        assertThat(flag.get("subject_type").asString()).isEqualTo("purchase");
        assertThat(flag.get("subject_id").asString()).isEqualTo(purchases.get(3).toString());
        assertThat(flag.get("subject").get("amount_cents").asLong()).isEqualTo(10_300);
        assertThat(flag.get("subject").get("provider").asString()).isEqualTo("gcash");
        assertThat(flag.get("evidence").get("attempts").asInt()).isEqualTo(4);
        assertThat(userFlagged(hasty.id())).isTrue();

        Result cleared = clear(flag.get("id").asString(), "regular customer");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(purchaseFlagged(purchases.get(3))).isFalse();
        assertThat(userFlagged(hasty.id())).isFalse();

        scan();
        assertThat(flagsOf(steady.id())).isEmpty();
    }

    @Test
    void a_purchase_over_the_daily_cap_flags_the_account() {
        TestUser whale = users.create(0);
        buy(whale, 50_000);
        Result refused = http.post("/api/v1/purchases", Map.of("chips", 100, "provider", "stripe"))
                .bearer(whale.token())
                .send();
        assertThat(refused.status()).isEqualTo(422);

        await("daily limit flag", () -> !flagsOf(whale.id()).isEmpty());
        JsonNode flag = flagsOf(whale.id()).get(0);
        assertThat(flag.get("rule").asString()).isEqualTo("purchase_daily_limit");
        assertThat(flag.get("subject_type").asString()).isEqualTo("user");
        assertThat(flag.get("evidence").get("requested_cents").asLong()).isEqualTo(10_000);
    }

    @Test
    void a_chargeback_after_the_chips_were_spent_records_the_debt_once_and_flags_the_purchase() {
        TestUser buyer = users.create(0);
        UUID purchase = buy(buyer, 1_000, "stripe");
        String intent = "pi_test_" + purchase.toString().replace("-", "");
        assertThat(stripe(stripeIntentSucceeded(purchase, 100_000)).status()).isEqualTo(200);
        ledger.post(Transfer.move("test-spend:" + purchase, "spent", Account.user(buyer.id()), Account.HOUSE, 700));

        assertThat(stripe(stripeRefund(purchase, intent, 100_000)).status()).isEqualTo(200);

        await("chargeback flag", () -> !flags("chargeback_debt", buyer.id()).isEmpty());
        JsonNode flag = flags("chargeback_debt", buyer.id()).get(0);
        assertThat(flag.get("subject_id").asString()).isEqualTo(purchase.toString());
        assertThat(flag.get("evidence").get("debt").asLong()).isEqualTo(700);
        assertThat(flag.get("subject").get("purchase_status").asString()).isEqualTo("refunded");
        assertThat(chipDebt(buyer.id())).isEqualTo(700);
        assertThat(purchaseFlagged(purchase)).isTrue();

        // Clearing the flag does not forgive the debt, and a clearer never re-records it.
        clear(flag.get("id").asString(), "debt collected offline");
        assertThat(chipDebt(buyer.id())).isEqualTo(700);
        assertThat(purchaseFlagged(purchase)).isFalse();
    }

    // ------------------------------------------------------------------ the queue and roles

    @Test
    void clearing_needs_a_moderator_a_reason_an_open_flag_and_not_your_own_account() {
        TestUser user = users.create(0);
        for (int i = 0; i < 4; i++) {
            buy(user, 100);
        }
        await("velocity flag", () -> !flagsOf(user.id()).isEmpty());
        String id = flagsOf(user.id()).get(0).get("id").asString();

        assertThat(http.get("/api/v1/admin/flags").bearer(user.token()).send().status())
                .isEqualTo(403);
        assertThat(http.get("/api/v1/admin/flags").send().status()).isEqualTo(401);
        assertThat(http.post("/api/v1/admin/flags/" + id + "/clear", Map.of("reason", "mine"))
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(403);
        Result noReason = http.post("/api/v1/admin/flags/" + id + "/clear", Map.of())
                .bearer(moderator.token())
                .send();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(http.post("/api/v1/admin/flags/" + id + "/clear", null)
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/admin/flags/" + UUID.randomUUID() + "/clear", Map.of("reason", "x"))
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/admin/flags?status=pending")
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(400);

        assertThat(clear(id, "ok").status()).isEqualTo(200);
        Result again = clear(id, "ok");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.errorCode()).isEqualTo("INVALID_STATE");

        // A moderator cannot clear a flag raised on their own account.
        TestUser flaggedModerator = users.create(0, UserRole.MODERATOR);
        for (int i = 0; i < 4; i++) {
            buy(flaggedModerator, 100);
        }
        await("own flag", () -> !flagsOf(flaggedModerator.id()).isEmpty());
        String own = flagsOf(flaggedModerator.id()).get(0).get("id").asString();
        assertThat(http.post("/api/v1/admin/flags/" + own + "/clear", Map.of("reason", "me"))
                        .bearer(flaggedModerator.token())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void moderators_review_flags_but_only_admins_see_stats_run_scans_and_check_invariants() {
        assertThat(http.get("/api/v1/admin/flags")
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/admin/stats")
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/admin/fraud/scan", null)
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/admin/invariants/check", null)
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_operator_overview_counts_users_markets_chips_purchases_and_open_flags() {
        TestUser player = users.create(500);
        MarketDetail market = markets.open("Stats market?", "Yes", "No");
        forecast(player, market, 0, 200);
        buy(player, 100);

        Result result = http.get("/api/v1/admin/stats").bearer(admin.token()).send();

        assertThat(result.status()).isEqualTo(200);
        JsonNode stats = result.data();
        long users = jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
        assertThat(stats.get("users").asLong()).isEqualTo(users);
        assertThat(stats.get("users_by_status").get("active").asLong()).isPositive();
        assertThat(stats.get("active_users_24h").asLong()).isPositive();
        assertThat(stats.get("active_users_7d").asLong())
                .isGreaterThanOrEqualTo(stats.get("active_users_24h").asLong());
        assertThat(stats.get("active_users").asLong())
                .isEqualTo(stats.get("active_users_24h").asLong());
        assertThat(stats.get("markets_by_status").get("open").asLong()).isPositive();
        assertThat(stats.get("markets_by_status").has("cancelled")).isTrue();
        JsonNode chips = stats.get("chips");
        assertThat(chips.get("users").asLong()
                        + chips.get("pools").asLong()
                        + chips.get("house").asLong())
                .isEqualTo(chips.get("total").asLong())
                .isEqualTo(chips.get("minted").asLong())
                .isEqualTo(stats.get("chips_in_circulation").asLong());
        assertThat(chips.get("pools").asLong()).isGreaterThanOrEqualTo(200);
        assertThat(stats.get("purchases").asLong()).isPositive();
        assertThat(stats.get("purchases_by_provider").get(0).has("amount_cents"))
                .isTrue();
        long open = jdbc.sql("SELECT count(*) FROM flags WHERE status = 'open'")
                .query(Long.class)
                .single();
        assertThat(stats.get("open_flags").asLong()).isEqualTo(open);
    }

    @Test
    void admins_check_the_money_invariants_and_it_is_audited() {
        Result result = http.post("/api/v1/admin/invariants/check", null)
                .bearer(admin.token())
                .send();
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("holds").asBoolean()).isTrue();
        assertThat(result.data().get("violations")).isEmpty();
        assertThat(result.data().get("checks").size()).isPositive();

        JsonNode audit = http.get("/api/v1/admin/audit-log?action=invariants.checked&actor_id=" + admin.id())
                .bearer(admin.token())
                .send()
                .data()
                .get(0);
        assertThat(audit.get("details").get("holds").asBoolean()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    UUID register(String device, String ip) {
        Result result = http.post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email", "m" + UUID.randomUUID().toString().substring(0, 12) + "@example.ph",
                                "password", "correct horse battery",
                                "display_name", "Farm Hand"))
                .header("X-Device-Id", device)
                .header("X-Forwarded-For", ip)
                .send();
        assertThat(result.status()).isEqualTo(201);
        return UUID.fromString(result.data().get("user").get("id").asString());
    }

    String login(UUID userId, String device) {
        String email = jdbc.sql("SELECT email FROM users WHERE id = :id")
                .param("id", userId)
                .query(String.class)
                .single();
        Result result = http.post("/api/v1/auth/login", Map.of("email", email, "password", "correct horse battery"))
                .header("X-Device-Id", device)
                .header("X-Forwarded-For", "198.51.100.200")
                .send();
        assertThat(result.status()).isEqualTo(200);
        return result.data().get("access_token").asString();
    }

    Result scan() {
        Result result = http.post("/api/v1/admin/fraud/scan", null)
                .bearer(admin.token())
                .send();
        assertThat(result.status()).isEqualTo(200);
        return result;
    }

    Result clear(String flagId, String reason) {
        return http.post("/api/v1/admin/flags/" + flagId + "/clear", Map.of("reason", reason))
                .bearer(moderator.token())
                .send();
    }

    List<JsonNode> flags(String rule, UUID userId) {
        String query = "/api/v1/admin/flags?limit=100&rule=" + rule + (userId == null ? "" : "&user_id=" + userId);
        Result result = http.get(query).bearer(moderator.token()).send();
        assertThat(result.status()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        result.data().forEach(list::add);
        return list;
    }

    List<JsonNode> flagsOf(UUID userId) {
        Result result = http.get("/api/v1/admin/flags?limit=100&user_id=" + userId)
                .bearer(moderator.token())
                .send();
        assertThat(result.status()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        result.data().forEach(list::add);
        return list;
    }

    Result forecast(TestUser user, MarketDetail market, int outcome, long points) {
        Result result = http.post(
                        "/api/v1/forecasts",
                        Map.of(
                                "market_id", market.id(),
                                "outcome_id", TestMarkets.outcome(market, outcome),
                                "points", points))
                .bearer(user.token())
                .send();
        assertThat(result.status()).as(result.raw().body()).isIn(200, 201);
        return result;
    }

    MarketDetail closingSoon(String title) {
        return marketsApi.create(
                admin.id(),
                new NewMarket(
                        title,
                        "Closes within the hour",
                        "sports",
                        List.of("Favourite", "Long shot"),
                        OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30),
                        null,
                        10_000L,
                        Map.of()));
    }

    UUID buy(TestUser user, long chips) {
        return buy(user, chips, "gcash");
    }

    UUID buy(TestUser user, long chips, String provider) {
        Result result = http.post("/api/v1/purchases", Map.of("chips", chips, "provider", provider))
                .bearer(user.token())
                .send();
        assertThat(result.status()).as(result.raw().body()).isEqualTo(201);
        return UUID.fromString(result.data().get("id").asString());
    }

    boolean userFlagged(UUID id) {
        return jdbc.sql("SELECT is_flagged FROM users WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    boolean purchaseFlagged(UUID id) {
        return jdbc.sql("SELECT is_flagged FROM purchases WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    long flaggedForecasts(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM forecasts WHERE user_id = :id AND is_flagged")
                .param("id", userId)
                .query(Long.class)
                .single();
    }

    long chipDebt(UUID userId) {
        return jdbc.sql("SELECT chip_debt FROM users WHERE id = :id")
                .param("id", userId)
                .query(Long.class)
                .single();
    }

    Result stripe(String payload) {
        try {
            String signature = Webhook.Signature.generateSignatureHeader(
                    payload, STRIPE_SECRET, Instant.now().getEpochSecond());
            return http.post("/webhooks/stripe", null)
                    .rawBody(payload)
                    .header("Stripe-Signature", signature)
                    .send();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String stripeIntentSucceeded(UUID purchase, long amount) {
        return """
                {"id":"evt_%s","object":"event","created":%d,"livemode":false,"type":"payment_intent.succeeded",
                 "data":{"object":{"id":"pi_test_%s","object":"payment_intent","amount":%d,"amount_received":%d,
                 "currency":"php","status":"succeeded","metadata":{"purchase_id":"%s"}}}}
                """.formatted(
                        UUID.randomUUID().toString().replace("-", ""),
                        Instant.now().getEpochSecond(),
                        purchase.toString().replace("-", ""),
                        amount,
                        amount,
                        purchase);
    }

    static String stripeRefund(UUID purchase, String intent, long amount) {
        return """
                {"id":"evt_%s","object":"event","created":%d,"livemode":false,"type":"charge.refunded",
                 "data":{"object":{"id":"ch_1","object":"charge","amount":%d,"amount_refunded":%d,"currency":"php",
                 "payment_intent":"%s","refunded":true,"metadata":{"purchase_id":"%s"}}}}
                """.formatted(
                        UUID.randomUUID().toString().replace("-", ""),
                        Instant.now().getEpochSecond(),
                        amount,
                        amount,
                        intent,
                        purchase);
    }

    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
