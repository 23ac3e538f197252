package com.pilimarket.payments;

import static com.pilimarket.payments.SignedEvents.newEventId;
import static com.pilimarket.payments.SignedEvents.signPayMongo;
import static com.pilimarket.payments.SignedEvents.signStripe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.PaymentEventsRecorder;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PaymentsIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    PaymentEventsRecorder recorded;

    @AfterEach
    void moneyInvariantsHold() {
        assertThat(invariants.check().violations()).isEmpty();
    }

    // ------------------------------------------------------------------ starting purchases

    @Test
    void anyone_can_see_the_chip_packages() {
        TestHttp.Result result = http.get("/api/v1/purchases/packages").send();

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data()).hasSize(4);
        assertThat(result.data().get(1).get("id").asString()).isEqualTo("popular");
        assertThat(result.data().get(1).get("chips").asLong()).isEqualTo(500);
        assertThat(result.data().get(1).get("amount_cents").asLong()).isEqualTo(50_000);
        assertThat(result.data().get(1).get("currency").asString()).isEqualTo("PHP");
    }

    @Test
    void anyone_can_see_the_purchase_limits_the_server_enforces() {
        TestHttp.Result result = http.get("/api/v1/purchases/limits").send();

        assertThat(result.status()).isEqualTo(200);
        long min = result.data().get("min_chips").asLong();
        long max = result.data().get("max_chips").asLong();
        assertThat(min).isEqualTo(100);
        assertThat(max).isEqualTo(50_000);
        assertThat(result.data().get("daily_limit_chips").asLong()).isEqualTo(50_000);

        TestUser buyer = users.create(0);
        assertThat(http.post("/api/v1/purchases", Map.of("chips", min - 1, "provider", "gcash"))
                        .bearer(buyer.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.post("/api/v1/purchases", Map.of("chips", max + 1, "provider", "gcash"))
                        .bearer(buyer.token())
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_purchase_starts_pending_with_a_sandbox_checkout_and_keeps_the_request_signals() {
        TestUser buyer = users.create(0);

        TestHttp.Result result = http.post("/api/v1/purchases", Map.of("chips", 750, "provider", "gcash"))
                .bearer(buyer.token())
                .header("X-Device-Id", "device-abc")
                .header("User-Agent", "PilimarketTest/1.0")
                .send();

        assertThat(result.status()).isEqualTo(201);
        String id = result.data().get("id").asString();
        assertThat(result.data().get("status").asString()).isEqualTo("pending");
        assertThat(result.data().get("provider").asString()).isEqualTo("gcash");
        assertThat(result.data().get("chips").asLong()).isEqualTo(750);
        assertThat(result.data().get("amount_cents").asLong()).isEqualTo(75_000);
        assertThat(result.data().get("checkout_url").asString()).isEqualTo("/sandbox/checkout/" + id);
        Map<String, Object> row = jdbc.sql("SELECT device_id, ip, user_agent FROM purchases WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();
        assertThat(row.get("device_id")).isEqualTo("device-abc");
        assertThat(row.get("ip")).isNotNull();
        assertThat(row.get("user_agent")).isEqualTo("PilimarketTest/1.0");
        assertThat(balance(buyer)).isZero();
    }

    static Stream<Arguments> badPurchases() {
        return Stream.of(
                arguments("both a package and chips", Map.of("package_id", "starter", "chips", 100), "package_id"),
                arguments("neither a package nor chips", Map.of(), "package_id"),
                arguments("an unknown package", Map.of("package_id", "mega"), "package_id"),
                arguments("fewer than 100 chips", Map.of("chips", 99), "chips"),
                arguments("more than 50,000 chips", Map.of("chips", 50_001), "chips"),
                arguments("an unknown provider", Map.of("chips", 100, "provider", "paypal"), "provider"));
    }

    @ParameterizedTest(name = "a purchase of {0} is refused on {2}")
    @MethodSource("badPurchases")
    void a_purchase_needs_exactly_one_of_package_or_chips_within_limits_and_a_known_provider(
            String name, Map<String, Object> fields, String field) {
        TestUser buyer = users.create(0);
        Map<String, Object> body = new HashMap<>(Map.of("provider", "stripe"));
        body.putAll(fields);

        assertThat(startExpectingError(buyer, body)).isEqualTo(field);
        assertThat(purchasesOf(buyer)).isZero();
    }

    @Test
    void anonymous_callers_cannot_buy_chips() {
        assertThat(http.post("/api/v1/purchases", Map.of("chips", 100, "provider", "stripe"))
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_package_purchase_costs_one_peso_per_chip() {
        TestUser buyer = users.create(0);

        TestHttp.Result result = http.post("/api/v1/purchases", Map.of("package_id", "value", "provider", "stripe"))
                .bearer(buyer.token())
                .send();

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.data().get("chips").asLong()).isEqualTo(1_000);
        assertThat(result.data().get("amount_cents").asLong()).isEqualTo(100_000);
        assertThat(result.data().get("package_id").asString()).isEqualTo("value");
    }

    @Test
    void buyers_see_their_own_purchases_newest_first_and_not_anyone_elses() {
        TestUser alice = users.create(0);
        TestUser bob = users.create(0);
        UUID first = start(alice, 100, "stripe");
        UUID second = start(alice, 200, "paymaya");

        TestHttp.Result list =
                http.get("/api/v1/purchases").bearer(alice.token()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.data()).hasSize(2);
        assertThat(list.data().get(0).get("id").asString()).isEqualTo(second.toString());
        assertThat(list.data().get(1).get("id").asString()).isEqualTo(first.toString());
        assertThat(list.body().get("pagination").get("total").asLong()).isEqualTo(2);

        assertThat(http.get("/api/v1/purchases/" + first)
                        .bearer(alice.token())
                        .send()
                        .status())
                .isEqualTo(200);
        TestHttp.Result foreign =
                http.get("/api/v1/purchases/" + first).bearer(bob.token()).send();
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(http.get("/api/v1/purchases").bearer(bob.token()).send().data())
                .isEmpty();
    }

    @Test
    void the_same_idempotency_key_returns_the_same_purchase_and_a_different_body_is_refused() {
        TestUser buyer = users.create(0);
        Map<String, Object> body = Map.of("chips", 300, "provider", "stripe");

        TestHttp.Result first = http.post("/api/v1/purchases", body)
                .bearer(buyer.token())
                .header("Idempotency-Key", "buy-300")
                .send();
        TestHttp.Result again = http.post("/api/v1/purchases", body)
                .bearer(buyer.token())
                .header("Idempotency-Key", "buy-300")
                .send();
        TestHttp.Result different = http.post("/api/v1/purchases", Map.of("chips", 400, "provider", "stripe"))
                .bearer(buyer.token())
                .header("Idempotency-Key", "buy-300")
                .send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.data().get("id").asString())
                .isEqualTo(first.data().get("id").asString());
        assertThat(again.data().get("status").asString()).isEqualTo("pending");
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(purchasesOf(buyer)).isEqualTo(1);
    }

    @Test
    void a_purchase_that_would_pass_the_daily_cap_gets_422_and_a_flag() {
        TestUser buyer = users.create(0);
        assertThat(http.post("/api/v1/purchases", Map.of("chips", 49_950, "provider", "stripe"))
                        .bearer(buyer.token())
                        .send()
                        .status())
                .isEqualTo(201);

        TestHttp.Result over = http.post("/api/v1/purchases", Map.of("chips", 100, "provider", "gcash"))
                .bearer(buyer.token())
                .send();

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.errorCode()).isEqualTo("DAILY_LIMIT_EXCEEDED");
        assertThat(purchasesOf(buyer)).isEqualTo(1);
        assertThat(recorded.of(PurchaseFlagged.class)).anySatisfy(f -> {
            assertThat(f.userId()).isEqualTo(buyer.id());
            assertThat(f.rule()).isEqualTo("daily_limit");
        });
    }

    @Test
    void a_failed_purchase_does_not_count_against_the_daily_cap() {
        TestUser buyer = users.create(0);
        UUID failed = start(buyer, 50_000, "stripe");
        http.post("/sandbox/checkout/" + failed + "/fail", null).send();

        assertThat(http.post("/api/v1/purchases", Map.of("chips", 50_000, "provider", "gcash"))
                        .bearer(buyer.token())
                        .send()
                        .status())
                .isEqualTo(201);
    }

    @Test
    void many_purchase_attempts_in_a_short_time_flag_the_purchase() {
        TestUser buyer = users.create(0);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(start(buyer, 100, "stripe"));
        }

        assertThat(flagged(ids.get(2))).isFalse();
        assertThat(flagged(ids.get(3))).isTrue();
        assertThat(recorded.of(PurchaseFlagged.class)).anySatisfy(f -> {
            assertThat(f.purchaseId()).isEqualTo(ids.get(3));
            assertThat(f.rule()).isEqualTo("velocity");
            assertThat(f.evidence()).containsEntry("attempts", 4);
        });
    }

    @Test
    void a_suspended_user_cannot_buy_chips() {
        TestUser buyer = users.create(0);
        jdbc.sql("UPDATE users SET status = 'suspended' WHERE id = :id")
                .param("id", buyer.id())
                .update();

        TestHttp.Result result = http.post("/api/v1/purchases", Map.of("chips", 100, "provider", "stripe"))
                .bearer(buyer.token())
                .send();

        assertThat(result.status()).isEqualTo(403);
        assertThat(purchasesOf(buyer)).isZero();
    }

    @Test
    void concurrent_purchases_cannot_slip_past_the_daily_cap_together() throws Exception {
        TestUser buyer = users.create(0);

        List<TestHttp.Result> results = concurrently(
                5,
                () -> http.post("/api/v1/purchases", Map.of("chips", 20_000, "provider", "gcash"))
                        .bearer(buyer.token())
                        .send());

        assertThat(results).extracting(TestHttp.Result::status).containsOnly(201, 422);
        assertThat(results).filteredOn(r -> r.status() == 201).hasSize(2);
        assertThat(purchasesOf(buyer)).isEqualTo(2);
    }

    // ------------------------------------------------------------------ sandbox gateway

    @Test
    void the_sandbox_checkout_page_pays_and_the_buyer_gets_the_chips_once() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 500, "stripe");

        TestHttp.Result page = http.get("/sandbox/checkout/" + id)
                .header("Accept", "text/html")
                .send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.raw().body())
                .contains("₱500")
                .contains("500 chips")
                .contains("Card (Stripe)")
                .contains("<form method=\"post\" action=\"/sandbox/checkout/" + id + "/pay\">")
                .contains("<form method=\"post\" action=\"/sandbox/checkout/" + id + "/fail\">");

        TestHttp.Result paid = payForm(id, "pay");
        assertThat(paid.status()).isEqualTo(303);
        assertThat(paid.header("Location")).isEqualTo("/wallet/return?purchase=" + id);
        assertThat(status(buyer, id)).isEqualTo("completed");
        assertThat(balance(buyer)).isEqualTo(500);

        assertThat(payForm(id, "pay").status()).isEqualTo(303);
        assertThat(balance(buyer)).isEqualTo(500);
        assertThat(recorded.of(ChipsPurchased.class))
                .filteredOn(e -> e.purchaseId().equals(id))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.chips()).isEqualTo(500);
                    assertThat(e.amountCents()).isEqualTo(50_000);
                    assertThat(e.provider()).isEqualTo(PaymentProvider.STRIPE);
                });
    }

    @Test
    void a_gcash_sandbox_payment_that_failed_and_then_succeeded_is_credited() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 1_000, "gcash");

        assertThat(payForm(id, "fail").status()).isEqualTo(303);
        TestHttp.Result failed =
                http.get("/api/v1/purchases/" + id).bearer(buyer.token()).send();
        assertThat(failed.data().get("status").asString()).isEqualTo("failed");
        assertThat(failed.data().get("failure_reason").asString()).contains("not completed");

        assertThat(payForm(id, "pay").status()).isEqualTo(303);
        assertThat(status(buyer, id)).isEqualTo("completed");
        assertThat(balance(buyer)).isEqualTo(1_000);
    }

    @Test
    void an_unknown_sandbox_checkout_is_not_found() {
        assertThat(http.get("/sandbox/checkout/" + UUID.randomUUID()).send().status())
                .isEqualTo(404);
        assertThat(payForm(UUID.randomUUID(), "pay").status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ webhook signatures

    enum StripeForgery {
        TAMPERED_BODY,
        WRONG_SECRET,
        STALE_TIMESTAMP,
        // Dated in the future beyond the tolerance: refused like a stale one, as PayMongo's are.
        FUTURE_TIMESTAMP,
        NO_SIGNATURE
    }

    @ParameterizedTest(name = "a Stripe event with {0} is refused")
    @EnumSource(StripeForgery.class)
    void stripe_events_with_a_tampered_body_a_wrong_secret_or_a_stale_or_future_timestamp_are_refused(
            StripeForgery forgery) {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 500, "stripe");
        String payload = SignedEvents.stripeIntent(newEventId(), "payment_intent.succeeded", id, 50_000, "php");
        String secret = SignedEvents.STRIPE_SECRET;
        SignedEvents.Signed forged = switch (forgery) {
            case TAMPERED_BODY ->
                signStripe(payload).tampered("\"amount_received\":50000", "\"amount_received\":50001");
            case WRONG_SECRET -> signStripe(payload, "whsec_someone_else", Instant.now());
            case STALE_TIMESTAMP -> signStripe(payload, secret, Instant.now().minus(Duration.ofSeconds(301)));
            case FUTURE_TIMESTAMP -> signStripe(payload, secret, Instant.now().plus(Duration.ofSeconds(400)));
            case NO_SIGNATURE -> new SignedEvents.Signed(payload, "");
        };

        TestHttp.Result result = stripe(forged);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("INVALID_SIGNATURE");
        assertThat(status(buyer, id)).isEqualTo("pending");
        assertThat(balance(buyer)).isZero();
        assertThat(eventsRecorded(id)).isZero();
    }

    enum PayMongoForgery {
        TAMPERED_BODY,
        WRONG_SECRET,
        STALE_TIMESTAMP,
        // A live-mode signature does not count in test mode.
        LIVE_MODE_SIGNATURE,
        NO_SIGNATURE
    }

    @ParameterizedTest(name = "a PayMongo event with {0} is refused")
    @EnumSource(PayMongoForgery.class)
    void paymongo_events_with_a_tampered_body_a_wrong_secret_or_a_stale_timestamp_are_refused(PayMongoForgery forgery) {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 500, "paymaya");
        String payload = SignedEvents.paymongoCheckoutPaid(newEventId(), id, 50_000, "PHP");
        SignedEvents.Signed good = signPayMongo(payload);
        SignedEvents.Signed forged = switch (forgery) {
            case TAMPERED_BODY -> good.tampered("\"amount\":50000", "\"amount\":50001");
            case WRONG_SECRET -> signPayMongo(payload, "whsk_someone_else", Instant.now());
            case STALE_TIMESTAMP ->
                signPayMongo(
                        payload, SignedEvents.PAYMONGO_SECRET, Instant.now().minus(Duration.ofSeconds(301)));
            case LIVE_MODE_SIGNATURE ->
                new SignedEvents.Signed(payload, good.signature().replaceFirst("te=([0-9a-f]+),li=", "te=,li=$1"));
            case NO_SIGNATURE ->
                new SignedEvents.Signed(payload, "t=" + Instant.now().getEpochSecond());
        };

        TestHttp.Result result = paymongo(forged);

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("INVALID_SIGNATURE");
        assertThat(status(buyer, id)).isEqualTo("pending");
        assertThat(balance(buyer)).isZero();
        assertThat(eventsRecorded(id)).isZero();
    }

    @Test
    void a_signed_paymongo_payment_completes_the_purchase() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 2_500, "gcash");

        TestHttp.Result result =
                paymongo(signPayMongo(SignedEvents.paymongoCheckoutPaid(newEventId(), id, 250_000, "PHP")));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("outcome").asString()).isEqualTo("credited");
        assertThat(status(buyer, id)).isEqualTo("completed");
        assertThat(balance(buyer)).isEqualTo(2_500);

        // PayMongo also sends payment.paid for the same payment: nothing more happens.
        TestHttp.Result alsoPaid =
                paymongo(signPayMongo(SignedEvents.paymongoPayment(newEventId(), "payment.paid", id, 250_000)));
        assertThat(alsoPaid.data().get("outcome").asString()).isEqualTo("already_credited");
        assertThat(balance(buyer)).isEqualTo(2_500);
    }

    @Test
    void a_correctly_signed_event_that_is_not_json_is_a_bad_request() {
        TestHttp.Result paymongo = paymongo(signPayMongo("{\"data\": nope"));
        TestHttp.Result stripe = stripe(signStripe("{\"id\": nope"));

        assertThat(paymongo.status()).isEqualTo(400);
        assertThat(paymongo.errorCode()).isEqualTo("MALFORMED_REQUEST");
        assertThat(stripe.status()).isEqualTo(400);
    }

    @Test
    void unknown_event_types_are_acknowledged_and_change_nothing() {
        String stripeEvent = """
                {"id":"%s","object":"event","type":"customer.created","data":{"object":{"id":"cus_1"}}}""".formatted(newEventId());
        TestHttp.Result result = stripe(signStripe(stripeEvent));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.data().get("outcome").asString()).isEqualTo("ignored");

        String paymongoEvent = """
                {"data":{"id":"%s","type":"event","attributes":{"type":"source.chargeable","data":{"id":"src_1"}}}}""".formatted(newEventId());
        assertThat(paymongo(signPayMongo(paymongoEvent)).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ exactly once

    @Test
    void ten_concurrent_copies_of_a_paid_event_credit_once() throws Exception {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 5_000, "stripe");
        SignedEvents.Signed event =
                signStripe(SignedEvents.stripeIntent(newEventId(), "payment_intent.succeeded", id, 500_000, "php"));

        List<TestHttp.Result> results = concurrently(10, () -> stripe(event));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(results)
                .extracting(r -> r.data().get("outcome").asString())
                .containsOnlyOnce("credited")
                .filteredOn(o -> !o.equals("credited"))
                .containsOnly("duplicate");
        assertThat(balance(buyer)).isEqualTo(5_000);
        assertThat(status(buyer, id)).isEqualTo("completed");
    }

    @Test
    void ten_concurrent_different_paid_events_for_one_purchase_credit_once() throws Exception {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 1_000, "paymaya");

        List<TestHttp.Result> results = concurrently(
                10, () -> paymongo(signPayMongo(SignedEvents.paymongoCheckoutPaid(newEventId(), id, 100_000, "PHP"))));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(results).extracting(r -> r.data().get("outcome").asString()).containsOnlyOnce("credited");
        assertThat(balance(buyer)).isEqualTo(1_000);
    }

    @Test
    void a_failure_reported_after_the_payment_changes_nothing() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 500, "stripe");

        stripe(signStripe(SignedEvents.stripeIntent(newEventId(), "payment_intent.succeeded", id, 50_000, "php")));
        TestHttp.Result failed = stripe(signStripe(
                SignedEvents.stripeIntent(newEventId(), "payment_intent.payment_failed", id, 50_000, "php")));

        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.data().get("outcome").asString()).isEqualTo("no_change");
        assertThat(status(buyer, id)).isEqualTo("completed");
        assertThat(balance(buyer)).isEqualTo(500);
    }

    @Test
    void a_payment_reported_after_a_failure_completes_the_purchase() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 500, "stripe");

        stripe(signStripe(SignedEvents.stripeIntent(newEventId(), "payment_intent.payment_failed", id, 50_000, "php")));
        assertThat(status(buyer, id)).isEqualTo("failed");
        stripe(signStripe(SignedEvents.stripeIntent(newEventId(), "payment_intent.succeeded", id, 50_000, "php")));

        assertThat(status(buyer, id)).isEqualTo("completed");
        assertThat(balance(buyer)).isEqualTo(500);
    }

    @Test
    void a_payment_of_the_wrong_amount_or_currency_is_not_credited_and_is_flagged() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 500, "stripe");

        TestHttp.Result less =
                stripe(signStripe(SignedEvents.stripeIntent(newEventId(), "payment_intent.succeeded", id, 100, "php")));
        TestHttp.Result dollars = stripe(
                signStripe(SignedEvents.stripeIntent(newEventId(), "payment_intent.succeeded", id, 50_000, "usd")));

        assertThat(less.data().get("outcome").asString()).isEqualTo("amount_mismatch");
        assertThat(dollars.data().get("outcome").asString()).isEqualTo("amount_mismatch");
        assertThat(status(buyer, id)).isEqualTo("pending");
        assertThat(balance(buyer)).isZero();
        assertThat(flagged(id)).isTrue();
        assertThat(recorded.of(PurchaseFlagged.class)).anySatisfy(f -> {
            assertThat(f.purchaseId()).isEqualTo(id);
            assertThat(f.rule()).isEqualTo("amount_mismatch");
        });
    }

    // ------------------------------------------------------------------ refunds and disputes

    @Test
    void a_refund_after_the_chips_were_spent_takes_what_is_left_and_records_the_rest_as_debt() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 1_000, "stripe");
        stripe(signStripe(SignedEvents.stripeIntent(newEventId(), "payment_intent.succeeded", id, 100_000, "php")));
        ledger.post(
                Transfer.move("test-spend:" + id, "spent on forecasts", Account.user(buyer.id()), Account.HOUSE, 700));
        assertThat(balance(buyer)).isEqualTo(300);

        TestHttp.Result refunded = stripe(signStripe(SignedEvents.stripeCharge(
                newEventId(), "charge.refunded", id, "pi_test_" + id.toString().replace("-", ""), 100_000)));

        assertThat(refunded.status()).isEqualTo(200);
        assertThat(refunded.data().get("outcome").asString()).isEqualTo("reversed");
        assertThat(balance(buyer)).isZero();
        TestHttp.Result purchase =
                http.get("/api/v1/purchases/" + id).bearer(buyer.token()).send();
        assertThat(purchase.data().get("status").asString()).isEqualTo("refunded");
        assertThat(purchase.data().get("chips_reversed").asLong()).isEqualTo(300);
        assertThat(jdbc.sql("SELECT debt_recorded FROM purchases WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(700);
        assertThat(recorded.of(PurchaseReversed.class))
                .filteredOn(e -> e.purchaseId().equals(id))
                .singleElement()
                .isEqualTo(new PurchaseReversed(buyer.id(), id, 300, 700, PurchaseStatus.REFUNDED));
    }

    @Test
    void a_dispute_reverses_a_purchase_once_even_if_a_refund_follows() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 500, "stripe");
        String intent = "pi_test_" + id.toString().replace("-", "");
        stripe(signStripe(SignedEvents.stripeIntent(newEventId(), "payment_intent.succeeded", id, 50_000, "php")));

        // Found by the PaymentIntent id alone: disputes carry no purchase metadata.
        jdbc.sql("UPDATE purchases SET provider_tx_id = :intent WHERE id = :id")
                .param("intent", intent)
                .param("id", id)
                .update();
        TestHttp.Result disputed = stripe(
                signStripe(SignedEvents.stripeCharge(newEventId(), "charge.dispute.created", id, intent, 50_000)));
        TestHttp.Result refunded =
                stripe(signStripe(SignedEvents.stripeCharge(newEventId(), "charge.refunded", id, intent, 50_000)));

        assertThat(disputed.data().get("outcome").asString()).isEqualTo("reversed");
        assertThat(refunded.data().get("outcome").asString()).isEqualTo("no_change");
        assertThat(status(buyer, id)).isEqualTo("disputed");
        assertThat(balance(buyer)).isZero();
    }

    @Test
    void a_paymongo_refund_takes_the_chips_back() {
        TestUser buyer = users.create(200);
        UUID id = start(buyer, 500, "gcash");
        paymongo(signPayMongo(SignedEvents.paymongoCheckoutPaid(newEventId(), id, 50_000, "PHP")));
        assertThat(balance(buyer)).isEqualTo(700);

        TestHttp.Result refunded =
                paymongo(signPayMongo(SignedEvents.paymongoPayment(newEventId(), "payment.refunded", id, 50_000)));

        assertThat(refunded.data().get("outcome").asString()).isEqualTo("reversed");
        assertThat(balance(buyer)).isEqualTo(200);
        assertThat(status(buyer, id)).isEqualTo("refunded");
    }

    @Test
    void a_payment_reported_after_a_refund_credits_nothing() {
        TestUser buyer = users.create(0);
        UUID id = start(buyer, 500, "gcash");

        paymongo(signPayMongo(SignedEvents.paymongoPayment(newEventId(), "payment.refunded", id, 50_000)));
        TestHttp.Result paid =
                paymongo(signPayMongo(SignedEvents.paymongoCheckoutPaid(newEventId(), id, 50_000, "PHP")));

        assertThat(paid.data().get("outcome").asString()).isEqualTo("paid_after_reversal");
        assertThat(status(buyer, id)).isEqualTo("refunded");
        assertThat(balance(buyer)).isZero();
    }

    // ------------------------------------------------------------------ helpers

    UUID start(TestUser buyer, long chips, String provider) {
        TestHttp.Result result = http.post("/api/v1/purchases", Map.of("chips", chips, "provider", provider))
                .bearer(buyer.token())
                .send();
        if (result.status() != 201) {
            return null;
        }
        return UUID.fromString(result.data().get("id").asString());
    }

    String startExpectingError(TestUser buyer, Map<String, Object> body) {
        TestHttp.Result result =
                http.post("/api/v1/purchases", body).bearer(buyer.token()).send();
        assertThat(result.status()).isEqualTo(400);
        assertThat(result.errorCode()).isEqualTo("VALIDATION_FAILED");
        return result.body().get("errors").get(0).get("field").asString();
    }

    TestHttp.Result payForm(UUID id, String action) {
        return http.post("/sandbox/checkout/" + id + "/" + action, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .rawBody("")
                .header("Accept", "text/html")
                .send();
    }

    TestHttp.Result stripe(SignedEvents.Signed event) {
        return http.post("/webhooks/stripe", null)
                .rawBody(event.payload())
                .header("Stripe-Signature", event.signature())
                .send();
    }

    TestHttp.Result paymongo(SignedEvents.Signed event) {
        return http.post("/webhooks/paymongo", null)
                .rawBody(event.payload())
                .header("Paymongo-Signature", event.signature())
                .send();
    }

    String status(TestUser buyer, UUID id) {
        return http.get("/api/v1/purchases/" + id)
                .bearer(buyer.token())
                .send()
                .data()
                .get("status")
                .asString();
    }

    long balance(TestUser user) {
        return ledger.balanceOf(Account.user(user.id()));
    }

    long purchasesOf(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM purchases WHERE user_id = :id")
                .param("id", user.id())
                .query(Long.class)
                .single();
    }

    boolean flagged(UUID id) {
        return jdbc.sql("SELECT is_flagged FROM purchases WHERE id = :id")
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    long eventsRecorded(UUID purchaseId) {
        return jdbc.sql("SELECT count(*) FROM payment_events WHERE payload::text LIKE :p")
                .param("p", "%" + purchaseId + "%")
                .query(Long.class)
                .single();
    }

    static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
