package com.pilimarket.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.markets.internal.MarketAdministration;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web Push end to end against a real HTTP server standing in for the push service: the request
 * carries a VAPID header signed with the server's key for the endpoint's origin, and its body decrypts
 * with the subscribing browser's private key to the notification in the user's language.
 */
@IntegrationTest
class PushIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestHttp http;

    @Autowired
    Markets markets;

    @Autowired
    ForecastReminderJob reminders;

    @Autowired
    PushSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestEvents events;

    @Autowired
    Forecasts forecasts;

    @Autowired
    Ledger ledger;

    @Autowired
    MarketAdministration administration;

    FakePushService pushService;
    TestUser admin;

    @BeforeEach
    void setUp() {
        pushService = new FakePushService();
        admin = users.admin();
    }

    @AfterEach
    void tearDown() {
        pushService.close();
    }

    String vapidKey() {
        Result answer = http.get("/api/v1/push/vapid-public-key").send();
        assertThat(answer.status()).isEqualTo(200);
        return answer.data().get("public_key").asString();
    }

    /** Subscribes a new browser for the user; returns the browser and its endpoint path. */
    Map.Entry<Browser, String> subscribe(TestUser user) {
        Browser browser = new Browser();
        String path = "/push/" + UUID.randomUUID();
        Result answer = http.post(
                        "/api/v1/push/subscriptions",
                        Map.of("endpoint", pushService.origin() + path, "keys", browser.keysJson()))
                .bearer(user.token())
                .send();
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.data().get("subscribed").asBoolean()).isTrue();
        return Map.entry(browser, path);
    }

    MarketDetail market(String title, String titleFil, Duration closesIn) {
        return markets.create(
                admin.id(),
                new NewMarket(
                        title,
                        "Test market",
                        "sports",
                        List.of("Yes", "No"),
                        OffsetDateTime.now(ZoneOffset.UTC).plus(closesIn),
                        null,
                        10_000L,
                        Map.of(),
                        titleFil,
                        null,
                        List.of("Oo", "Hindi")));
    }

    /** A stake in {@link #settle}: on Yes or No; a null user is a forecaster created for it. */
    record Stake(TestUser user, boolean onYes, long points) {}

    static Stake yes(TestUser user, long points) {
        return new Stake(user, true, points);
    }

    static Stake no(TestUser user, long points) {
        return new Stake(user, false, points);
    }

    /** Settles {@code market} for real: the stakes are placed, then it is resolved Yes (or cancelled). */
    void settle(MarketDetail market, boolean cancelled, Stake... stakes) {
        for (Stake stake : stakes) {
            UUID user =
                    stake.user() == null ? users.create(0).id() : stake.user().id();
            ledger.post(Transfer.move(
                    "test-grant:" + market.id() + ":" + user,
                    "test grant",
                    Account.MINT,
                    Account.user(user),
                    stake.points()));
            forecasts.place(
                    user,
                    new PlaceForecast(market.id(), TestMarkets.outcome(market, stake.onYes() ? 0 : 1), stake.points()));
        }
        if (cancelled) {
            administration.cancel(admin.id(), market.id(), "Cancelled");
        } else {
            markets.resolve(
                    admin.id(),
                    market.id(),
                    new ResolveMarket(TestMarkets.outcome(market, 0), List.of("https://example.ph"), "Result"));
        }
        events.awaitListeners();
    }

    JsonNode decrypted(Browser browser, FakePushService.Received push) throws Exception {
        return json.readTree(browser.decrypt(push.body()));
    }

    long subscriptions(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM push_subscriptions WHERE user_id = :u")
                .param("u", user.id())
                .query(Long.class)
                .single();
    }

    /** The user's one queued push: status, attempts, last_error, and whether its next attempt is later. */
    Map<String, Object> onlyQueuedPush(TestUser user) {
        return jdbc.sql("SELECT status, attempts, last_error, next_attempt_at > now() AS later"
                        + " FROM push_outbox o JOIN push_subscriptions s ON s.id = o.subscription_id"
                        + " WHERE s.user_id = :u")
                .param("u", user.id())
                .query()
                .singleRow();
    }

    long queued(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM push_outbox o JOIN push_subscriptions s ON s.id = o.subscription_id"
                        + " WHERE s.user_id = :u")
                .param("u", user.id())
                .query(Long.class)
                .single();
    }

    @Test
    void a_market_result_is_pushed_encrypted_with_a_vapid_header_in_english_and_in_filipino() throws Exception {
        String vapidKey = vapidKey();
        assertThat(java.util.Base64.getUrlDecoder().decode(vapidKey)).hasSize(65);

        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        assertThat(http.patch("/api/v1/users/me", Map.of("language", "fil"))
                        .bearer(ben.token())
                        .send()
                        .status())
                .isEqualTo(200);
        var anaPhone = subscribe(ana);
        var anaLaptop = subscribe(ana);
        var benPhone = subscribe(ben);
        MarketDetail market =
                market("Will Gilas win on Sunday?", "Mananalo ba ang Gilas sa Linggo?", Duration.ofDays(2));

        // Pool 250, all of it to ana, the one winner.
        settle(market, false, yes(ana, 100), no(ben, 50), no(null, 100));
        assertThat(sender.sendDue()).isGreaterThanOrEqualTo(3);

        for (var device : List.of(anaPhone, anaLaptop)) {
            List<FakePushService.Received> got = pushService.receivedAt(device.getValue());
            assertThat(got).hasSize(1);
            FakePushService.Received push = got.get(0);
            assertThat(push.headers().get(":method")).isEqualTo("POST");
            assertThat(push.headers().get("content-encoding")).isEqualTo("aes128gcm");
            assertThat(push.headers().get("ttl")).isEqualTo("86400");
            String claims = Browser.verifyVapid(push.headers().get("authorization"), vapidKey, pushService.origin());
            assertThat(claims).contains("\"sub\":\"mailto:no-reply@pilimarket.ph\"");
            // The body is encrypted: the text is not in it, and it decrypts with this browser's keys only.
            assertThat(new String(push.body(), StandardCharsets.ISO_8859_1)).doesNotContain("Gilas");
            JsonNode payload = decrypted(device.getKey(), push);
            assertThat(payload.get("title").asString()).isEqualTo("Market resolved");
            assertThat(payload.get("body").asString())
                    .isEqualTo(
                            "You won! “Will Gilas win on Sunday?” resolved: Yes. You got ₱250 for your 100 chips (₱100).");
            assertThat(payload.get("url").asString()).isEqualTo("/markets/" + market.slug());
            assertThat(payload.get("tag").asString()).isEqualTo("market_resolved:" + market.id());
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> decrypted(
                        benPhone.getKey(),
                        pushService.receivedAt(anaPhone.getValue()).get(0)))
                .isInstanceOf(java.security.GeneralSecurityException.class);

        List<FakePushService.Received> benGot = pushService.receivedAt(benPhone.getValue());
        assertThat(benGot).hasSize(1);
        Browser.verifyVapid(benGot.get(0).headers().get("authorization"), vapidKey, pushService.origin());
        JsonNode filipino = decrypted(benPhone.getKey(), benGot.get(0));
        assertThat(filipino.get("title").asString()).isEqualTo("May resulta na ang market");
        assertThat(filipino.get("body").asString())
                .isEqualTo("May resulta na ang “Mananalo ba ang Gilas sa Linggo?”: Oo. Talo ang forecast mo;"
                        + " nawala ang 50 chips (₱50) mo.");

        // Sent once: nothing is due any more.
        assertThat(sender.sendDue()).isZero();
        assertThat(pushService.receivedAt(anaPhone.getValue())).hasSize(1);
    }

    @Test
    void a_cancelled_market_and_a_closing_reminder_are_pushed_too() throws Exception {
        TestUser cy = users.create(0);
        var phone = subscribe(cy);
        MarketDetail cancelled = market("Typhoon signal no. 3 in Cebu?", null, Duration.ofDays(3));
        settle(cancelled, true, yes(cy, 80));

        MarketDetail closing = market("PSEi above 7,000 on Friday?", null, Duration.ofHours(6));
        assertThat(http.post("/api/v1/markets/" + closing.id() + "/watch", null)
                        .bearer(cy.token())
                        .send()
                        .status())
                .isEqualTo(200);
        reminders.remindDue();
        sender.sendDue();

        List<String> bodies = new java.util.ArrayList<>();
        for (FakePushService.Received push : pushService.receivedAt(phone.getValue())) {
            JsonNode payload = decrypted(phone.getKey(), push);
            bodies.add(payload.get("title").asString() + " | "
                    + payload.get("body").asString() + " | "
                    + payload.get("url").asString());
        }
        assertThat(bodies)
                .containsExactlyInAnyOrder(
                        "Market cancelled | “Typhoon signal no. 3 in Cebu?” was cancelled; your 80 chips (₱80)"
                                + " were refunded. | /markets/" + cancelled.slug(),
                        "Closing soon | “PSEi above 7,000 on Friday?” closes within 24 hours and you have not"
                                + " forecast yet. | /markets/" + closing.slug());
    }

    @Test
    void a_subscription_the_push_service_no_longer_knows_is_dropped_and_failures_are_retried() {
        TestUser dee = users.create(0);
        var gone = subscribe(dee);
        var flaky = subscribe(dee);
        pushService.answer(gone.getValue(), 410);
        pushService.answer(flaky.getValue(), 503);
        settle(market("Meralco rate cut in December?", null, Duration.ofDays(2)), false, yes(dee, 10), no(null, 10));

        assertThat(sender.sendDue()).isZero();
        assertThat(pushService.receivedAt(gone.getValue())).hasSize(1);
        assertThat(pushService.receivedAt(flaky.getValue())).hasSize(1);
        // 410 Gone: the subscription and its queued pushes are dropped.
        assertThat(jdbc.sql("SELECT count(*) FROM push_subscriptions WHERE endpoint LIKE :e")
                        .param("e", "%" + gone.getValue())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(subscriptions(dee)).isEqualTo(1);
        // 503: kept and retried later (30 s), not at once.
        Map<String, Object> row = onlyQueuedPush(dee);
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).startsWith("HTTP 503");
        assertThat(row.get("later")).isEqualTo(true);
        assertThat(sender.sendDue()).isZero();

        jdbc.sql("UPDATE push_outbox SET next_attempt_at = now() WHERE status = 'pending' AND subscription_id IN"
                        + " (SELECT id FROM push_subscriptions WHERE user_id = :u)")
                .param("u", dee.id())
                .update();
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(pushService.receivedAt(flaky.getValue())).hasSize(2);
        assertThat(jdbc.sql("SELECT status FROM push_outbox o JOIN push_subscriptions s ON s.id = o.subscription_id"
                                + " WHERE s.user_id = :u")
                        .param("u", dee.id())
                        .query(String.class)
                        .single())
                .isEqualTo("sent");
    }

    @Test
    void an_endpoint_that_now_points_at_a_private_address_is_not_posted_to() {
        TestUser fe = users.create(0);
        var moved = subscribe(fe);
        // What a stored name resolving to a private address since looks like to the sender: this machine has
        // no DNS server to make a name change its answer (PushTargetsTests covers names), so the row is
        // pointed at a private address literal, which the sender checks the same way.
        jdbc.sql("UPDATE push_subscriptions SET endpoint = 'https://10.0.0.7' || :path WHERE user_id = :u")
                .param("path", moved.getValue())
                .param("u", fe.id())
                .update();
        settle(market("Bagyo sa Bicol this week?", null, Duration.ofDays(2)), false, yes(fe, 10), no(null, 10));

        assertThat(sender.sendDue()).isZero();
        Map<String, Object> row = onlyQueuedPush(fe);
        // Failed at once, without a connection attempt (which would have timed out and been retried).
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).startsWith("refused: ").contains("private address");
        assertThat(subscriptions(fe)).isEqualTo(1);
    }

    @Test
    void nothing_is_pushed_when_the_push_channel_or_the_type_is_off() {
        TestUser eve = users.create(0);
        TestUser fay = users.create(0);
        var evePhone = subscribe(eve);
        var fayPhone = subscribe(fay);
        Result saved = http.put("/api/v1/users/me/notification-preferences", Map.of("push", false))
                .bearer(eve.token())
                .send();
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.data().get("push").asBoolean()).isFalse();
        assertThat(saved.data().get("market_resolved").asBoolean()).isTrue();
        assertThat(http.put("/api/v1/users/me/notification-preferences", Map.of("market_resolved", false))
                        .bearer(fay.token())
                        .send()
                        .data()
                        .get("push")
                        .asBoolean())
                .isTrue();

        MarketDetail market = market("Lotto jackpot above ₱500M?", null, Duration.ofDays(2));
        settle(market, false, yes(eve, 10), yes(fay, 10), no(null, 20));
        sender.sendDue();

        assertThat(queued(eve)).isZero();
        assertThat(queued(fay)).isZero();
        assertThat(pushService.receivedAt(evePhone.getValue())).isEmpty();
        assertThat(pushService.receivedAt(fayPhone.getValue())).isEmpty();
        // Eve still gets the in-app notification: only the push channel is off.
        List<String> types = new java.util.ArrayList<>();
        http.get("/api/v1/notifications")
                .bearer(eve.token())
                .send()
                .data()
                .forEach(n -> types.add(n.get("type").asString()));
        assertThat(types).contains("market_resolved");
    }

    @Test
    void bad_subscriptions_are_refused_with_400_and_nothing_is_stored() {
        TestUser gil = users.create(0);
        Browser browser = new Browser();
        String ok = pushService.origin() + "/push/" + UUID.randomUUID();
        byte[] notOnCurve = java.util.Base64.getUrlDecoder().decode(browser.p256dh());
        notOnCurve[64] ^= 1;
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("endpoint", Map.of("keys", browser.keysJson()));
        cases.put("endpoint ", Map.of("endpoint", "http://push.example.com/x", "keys", browser.keysJson()));
        cases.put("endpoint  ", Map.of("endpoint", "ftp://push.example.com/x", "keys", browser.keysJson()));
        cases.put("endpoint   ", Map.of("endpoint", "https://10.0.0.7/push", "keys", browser.keysJson()));
        cases.put("endpoint    ", Map.of("endpoint", "not a url", "keys", browser.keysJson()));
        cases.put(
                "endpoint     ",
                Map.of("endpoint", "https://push.example.com/" + "a".repeat(2100), "keys", browser.keysJson()));
        cases.put("keys", Map.of("endpoint", ok));
        cases.put("keys.p256dh", Map.of("endpoint", ok, "keys", Map.of("auth", browser.auth())));
        cases.put("keys.p256dh ", Map.of("endpoint", ok, "keys", Map.of("p256dh", "AAAA", "auth", browser.auth())));
        cases.put(
                "keys.p256dh  ",
                Map.of("endpoint", ok, "keys", Map.of("p256dh", Browser.b64(notOnCurve), "auth", browser.auth())));
        cases.put(
                "keys.p256dh   ",
                Map.of("endpoint", ok, "keys", Map.of("p256dh", "not+base64/url!", "auth", browser.auth())));
        cases.put("keys.auth", Map.of("endpoint", ok, "keys", Map.of("p256dh", browser.p256dh())));
        cases.put(
                "keys.auth ",
                Map.of("endpoint", ok, "keys", Map.of("p256dh", browser.p256dh(), "auth", Browser.b64(new byte[15]))));
        for (var c : cases.entrySet()) {
            Result answer = http.post("/api/v1/push/subscriptions", c.getValue())
                    .bearer(gil.token())
                    .send();
            assertThat(answer.status()).as(c.getValue().toString()).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asString())
                    .as(c.getValue().toString())
                    .isEqualTo(c.getKey().strip());
        }
        assertThat(subscriptions(gil)).isZero();

        // Not signed in: 401, nothing stored either.
        assertThat(http.post("/api/v1/push/subscriptions", Map.of("endpoint", ok, "keys", browser.keysJson()))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM push_subscriptions WHERE endpoint = :e")
                        .param("e", ok)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void devices_are_capped_per_user_and_unsubscribing_stops_the_pushes() {
        TestUser hal = users.create(0);
        String first = null;
        for (int i = 0; i < 11; i++) {
            String path = subscribe(hal).getValue();
            if (first == null) {
                first = path;
            }
        }
        // At most 10 devices: the least recently subscribed one went.
        assertThat(subscriptions(hal)).isEqualTo(10);
        assertThat(jdbc.sql("SELECT count(*) FROM push_subscriptions WHERE endpoint = :e")
                        .param("e", pushService.origin() + first)
                        .query(Long.class)
                        .single())
                .isZero();

        var phone = subscribe(hal);
        String endpoint = pushService.origin() + phone.getValue();
        // Another user cannot remove it.
        TestUser other = users.create(0);
        Result foreign = http.delete(
                        "/api/v1/push/subscriptions?endpoint=" + URLEncoder.encode(endpoint, StandardCharsets.UTF_8))
                .bearer(other.token())
                .send();
        assertThat(foreign.data().get("removed").asBoolean()).isFalse();
        Result removed = http.delete(
                        "/api/v1/push/subscriptions?endpoint=" + URLEncoder.encode(endpoint, StandardCharsets.UTF_8))
                .bearer(hal.token())
                .send();
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.data().get("removed").asBoolean()).isTrue();
        assertThat(http.delete("/api/v1/push/subscriptions")
                        .bearer(hal.token())
                        .send()
                        .status())
                .isEqualTo(400);

        settle(market("Ginebra in the finals?", null, Duration.ofDays(2)), false, yes(hal, 10), no(null, 10));
        sender.sendDue();
        assertThat(pushService.receivedAt(phone.getValue())).isEmpty();
        // The other 9 devices got it.
        assertThat(queued(hal)).isEqualTo(9);
    }
}
