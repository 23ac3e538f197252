package com.pilimarket.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The server answers in the caller's language: Accept-Language first, then the language the user
 * saved; errors, notifications (rendered when read) and chip-history reasons.
 */
@IntegrationTest
class LocalizationIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestHttp http;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Markets marketsApi;

    @Autowired
    TestMarkets markets;

    @Autowired
    TestEvents events;

    @Autowired
    Forecasts forecasts;

    @Autowired
    MarketAdministration administration;

    TestUser admin;

    @BeforeEach
    void setUp() {
        admin = users.admin();
    }

    @Test
    void a_wrong_password_is_refused_in_filipino_when_the_caller_asks_for_filipino() {
        Map<String, String> wrong = Map.of("email", "nobody@example.ph", "password", "not-the-password");

        Result filipino = http.post("/api/v1/auth/login", wrong)
                .header("Accept-Language", "fil-PH,fil;q=0.9,en;q=0.8")
                .send();
        Result tagalog = http.post("/api/v1/auth/login", wrong)
                .header("Accept-Language", "tl")
                .send();
        Result english = http.post("/api/v1/auth/login", wrong).send();

        assertThat(filipino.status()).isEqualTo(401);
        assertThat(filipino.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(message(filipino)).isEqualTo("Mali ang email o password");
        assertThat(message(tagalog)).isEqualTo("Mali ang email o password");
        assertThat(message(english)).isEqualTo("Wrong email or password");
    }

    @Test
    void a_validation_message_with_values_comes_back_in_the_saved_language_unless_the_header_says_otherwise() {
        TestUser user = users.create(0);
        Result saved = http.patch("/api/v1/users/me", Map.of("language", "fil"))
                .bearer(user.token())
                .send();
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.data().get("language").asString()).isEqualTo("fil");
        assertThat(http.get("/api/v1/users/me")
                        .bearer(user.token())
                        .send()
                        .data()
                        .get("language")
                        .asString())
                .isEqualTo("fil");

        Map<String, Object> tooFew = Map.of("chips", 50, "provider", "gcash");
        Result bySavedLanguage = http.post("/api/v1/purchases", tooFew)
                .bearer(user.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send();
        Result byHeader = http.post("/api/v1/purchases", tooFew)
                .bearer(user.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Accept-Language", "en-US,en;q=0.9")
                .send();

        assertThat(bySavedLanguage.status()).isEqualTo(400);
        assertThat(bySavedLanguage.body().get("errors").get(0).get("field").asString())
                .isEqualTo("chips");
        assertThat(message(bySavedLanguage)).isEqualTo("dapat nasa pagitan ng 100 at 50000");
        assertThat(message(byHeader)).isEqualTo("must be between 100 and 50000");
    }

    @Test
    void an_unknown_language_is_refused_and_the_saved_one_stays() {
        TestUser user = users.create(0);

        Result refused = http.patch("/api/v1/users/me", Map.of("language", "de"))
                .bearer(user.token())
                .header("Accept-Language", "fil")
                .send();

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("language");
        assertThat(message(refused)).isEqualTo("dapat en o fil");
        assertThat(http.get("/api/v1/users/me")
                        .bearer(user.token())
                        .send()
                        .data()
                        .get("language")
                        .isNull())
                .isTrue();
    }

    @Test
    void a_state_named_inside_an_error_is_translated_with_it() {
        TestUser user = users.create(1_000);
        MarketDetail market = markets.open("Suspended for a while?", "Yes", "No");
        assertThat(http.post("/api/v1/admin/markets/" + market.id() + "/suspend", Map.of())
                        .bearer(admin.token())
                        .send()
                        .status())
                .isEqualTo(200);

        Result refused = http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", market.id(), "outcome_id", TestMarkets.outcome(market, 0), "points", 10))
                .bearer(user.token())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Accept-Language", "fil")
                .send();

        assertThat(refused.errorCode()).isEqualTo("MARKET_NOT_OPEN");
        assertThat(message(refused)).isEqualTo("Naka-suspend ang market na ito; sarado na ang forecasts");
    }

    @Test
    void a_cancelled_market_notification_says_cancelled_and_refunded_in_the_readers_language() {
        TestUser user = users.create(1_000);
        MarketDetail market = marketsApi.create(
                admin.id(),
                new NewMarket(
                        "Will the concert go ahead?",
                        null,
                        "entertainment",
                        List.of("Yes", "No"),
                        OffsetDateTime.now().plusDays(3),
                        null,
                        null,
                        null,
                        "Tuloy ba ang concert?",
                        null,
                        List.of("Oo", "Hindi")));
        forecasts.place(user.id(), new PlaceForecast(market.id(), TestMarkets.outcome(market, 0), 200));
        administration.cancel(admin.id(), market.id(), "Postponed");
        events.awaitListeners();

        JsonNode english = notifications(user, "en");
        JsonNode filipino = notifications(user, "fil");

        assertThat(english.get("title").asString()).isEqualTo("Market cancelled");
        assertThat(english.get("message").asString())
                .isEqualTo("“Will the concert go ahead?” was cancelled; your 200 chips (₱200) were refunded.");
        assertThat(filipino.get("title").asString()).isEqualTo("Na-cancel ang market");
        assertThat(filipino.get("message").asString())
                .isEqualTo("Na-cancel ang “Tuloy ba ang concert?”; na-refund ang 200 chips (₱200) mo.");
        assertThat(filipino.get("type").asString()).isEqualTo("market_resolved");
    }

    @Test
    void a_win_is_rendered_when_read_in_the_saved_language_with_the_filipino_outcome_name() {
        TestUser user = users.create(1_000);
        http.patch("/api/v1/users/me", Map.of("language", "fil"))
                .bearer(user.token())
                .send();
        MarketDetail market = marketsApi.create(
                admin.id(),
                new NewMarket(
                        "Will it rain in Baguio tomorrow?",
                        null,
                        "other",
                        List.of("Yes", "No"),
                        OffsetDateTime.now().plusDays(3),
                        null,
                        null,
                        null,
                        "Uulan ba sa Baguio bukas?",
                        null,
                        List.of("Oo", "Hindi")));
        UUID yes = TestMarkets.outcome(market, 0);
        forecasts.place(user.id(), new PlaceForecast(market.id(), yes, 100));
        forecasts.place(users.create(1_000).id(), new PlaceForecast(market.id(), TestMarkets.outcome(market, 1), 200));
        // Pool 300, all of it to the one winner.
        marketsApi.resolve(admin.id(), market.id(), new ResolveMarket(yes, List.of("https://example.ph"), "Rain"));
        events.awaitListeners();

        JsonNode bySavedLanguage = notifications(user, null);
        JsonNode byHeader = notifications(user, "en");

        assertThat(bySavedLanguage.get("title").asString()).isEqualTo("May resulta na ang market");
        assertThat(bySavedLanguage.get("message").asString())
                .isEqualTo("Panalo ka! May resulta na ang “Uulan ba sa Baguio bukas?”: Oo. "
                        + "Nakuha mo ang ₱300 para sa 100 chips (₱100) mo.");
        assertThat(byHeader.get("title").asString()).isEqualTo("Market resolved");
        assertThat(byHeader.get("message").asString())
                .isEqualTo("You won! “Will it rain in Baguio tomorrow?” resolved: Yes. You got ₱300 for your 100 chips"
                        + " (₱100).");
    }

    @Test
    void a_notification_stored_before_read_time_rendering_still_renders_in_filipino() {
        TestUser user = users.create(0);
        // A row as the server wrote it before: an English message and the parameters in metadata.
        jdbc.sql("""
                        INSERT INTO notifications (user_id, type, message, metadata, dedupe_key)
                        VALUES (:user, 'market_resolved', :message, CAST(:metadata AS jsonb), :dedupe)
                        """)
                .param("user", user.id())
                .param("message", "“Old market” resolved Yes. Your forecast lost your ₱50 stake.")
                .param(
                        "metadata",
                        "{\"market_id\":\"" + UUID.randomUUID() + "\",\"slug\":\"old-market\",\"title\":\"Old market\","
                                + "\"winning_outcome\":\"Yes\",\"cancelled\":false,\"won\":false,\"refunded\":false,"
                                + "\"stake\":50,\"payout\":0}")
                .param("dedupe", "old:" + user.id())
                .update();

        JsonNode filipino = notifications(user, "fil");

        assertThat(filipino.get("title").asString()).isEqualTo("May resulta na ang market");
        assertThat(filipino.get("message").asString())
                .isEqualTo("May resulta na ang “Old market”: Yes. Talo ang forecast mo; nawala ang 50 chips (₱50) mo.");
    }

    @Test
    void chip_history_reasons_are_labelled_in_the_readers_language_with_their_code() {
        TestUser user = users.create(0);
        assertThat(http.post(
                                "/api/v1/admin/users/" + user.id() + "/grant",
                                Map.of("chips", 400, "reason", "contest prize"))
                        .bearer(users.create(0, com.pilimarket.users.UserRole.SUPERADMIN)
                                .token())
                        .send()
                        .status())
                .isEqualTo(200);
        http.patch("/api/v1/users/me", Map.of("language", "fil"))
                .bearer(user.token())
                .send();

        JsonNode saved = http.get("/api/v1/users/me/transactions")
                .bearer(user.token())
                .send()
                .data()
                .get(0);
        JsonNode english = http.get("/api/v1/users/me/transactions")
                .bearer(user.token())
                .header("Accept-Language", "en")
                .send()
                .data()
                .get(0);

        assertThat(saved.get("reason_code").asString()).isEqualTo("admin_grant");
        assertThat(saved.get("reason").asString()).isEqualTo("Bigay ng admin");
        assertThat(english.get("reason").asString()).isEqualTo("Admin grant");
        assertThat(saved.get("amount").asLong()).isEqualTo(400);
    }

    private JsonNode notifications(TestUser user, String language) {
        TestHttp.Call call = http.get("/api/v1/notifications").bearer(user.token());
        if (language != null) {
            call.header("Accept-Language", language);
        }
        List<JsonNode> resolved = new java.util.ArrayList<>();
        call.send().data().forEach(n -> {
            if (n.get("type").asString().equals("market_resolved")) {
                resolved.add(n);
            }
        });
        assertThat(resolved).hasSize(1);
        return resolved.get(0);
    }

    private static String message(Result result) {
        return result.body().get("errors").get(0).get("message").asString();
    }
}
