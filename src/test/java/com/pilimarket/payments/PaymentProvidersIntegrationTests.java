package com.pilimarket.payments;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the sandbox off, purchases open real provider checkouts: Stripe and PayMongo are played by WireMock. */
@IntegrationTest
class PaymentProvidersIntegrationTests {

    static final String STRIPE_KEY = "sk_test_pilimarket_123";
    static final String PAYMONGO_KEY = "sk_test_paymongo_456";
    static final WireMockServer providers = new WireMockServer(options().dynamicPort());

    static {
        providers.start();
    }

    @DynamicPropertySource
    static void providerSettings(DynamicPropertyRegistry registry) {
        registry.add("pilimarket.payments.sandbox", () -> "false");
        registry.add("pilimarket.payments.app-base-url", () -> "https://pilimarket.test");
        registry.add("pilimarket.payments.stripe.api-key", () -> STRIPE_KEY);
        registry.add("pilimarket.payments.stripe.api-base", providers::baseUrl);
        registry.add("pilimarket.payments.paymongo.secret-key", () -> PAYMONGO_KEY);
        registry.add("pilimarket.payments.paymongo.api-base", providers::baseUrl);
    }

    @AfterAll
    static void stopProviders() {
        providers.stop();
    }

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @BeforeEach
    void resetProviders() {
        providers.resetAll();
    }

    @Test
    void a_card_purchase_creates_a_stripe_payment_intent_and_returns_its_client_secret() {
        providers.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"id":"pi_3Abc","object":"payment_intent","amount":50000,"currency":"php",
                                 "client_secret":"pi_3Abc_secret_xyz","status":"requires_payment_method"}""")));
        TestUser buyer = users.create(0);

        TestHttp.Result result = http.post("/api/v1/purchases", Map.of("package_id", "popular", "provider", "stripe"))
                .bearer(buyer.token())
                .send();

        assertThat(result.status()).isEqualTo(201);
        String id = result.data().get("id").asString();
        assertThat(result.data().get("client_secret").asString()).isEqualTo("pi_3Abc_secret_xyz");
        assertThat(result.data().get("checkout_url").isNull()).isTrue();
        List<LoggedRequest> requests = providers.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + STRIPE_KEY);
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(id);
        String form = URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8);
        assertThat(form)
                .contains("amount=50000")
                .contains("currency=php")
                .contains("metadata[purchase_id]=" + id)
                .contains("metadata[user_id]=" + buyer.id());
    }

    @Test
    void a_gcash_purchase_creates_a_paymongo_checkout_session_and_returns_its_url() {
        providers.stubFor(post(urlEqualTo("/v1/checkout_sessions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"data":{"id":"cs_9Xyz","type":"checkout_session","attributes":{
                                 "checkout_url":"https://checkout.paymongo.com/cs_9Xyz#abc",
                                 "payment_intent":{"id":"pi_pm_1","type":"payment_intent"}}}}""")));
        TestUser buyer = users.create(0);

        TestHttp.Result result = http.post("/api/v1/purchases", Map.of("chips", 1_200, "provider", "gcash"))
                .bearer(buyer.token())
                .send();

        assertThat(result.status()).isEqualTo(201);
        String id = result.data().get("id").asString();
        assertThat(result.data().get("checkout_url").asString()).isEqualTo("https://checkout.paymongo.com/cs_9Xyz#abc");
        String basic =
                "Basic " + Base64.getEncoder().encodeToString((PAYMONGO_KEY + ":").getBytes(StandardCharsets.UTF_8));
        providers.verify(
                1,
                postRequestedFor(urlEqualTo("/v1/checkout_sessions"))
                        .withHeader("Authorization", equalTo(basic))
                        .withHeader("Content-Type", containing("application/json"))
                        .withRequestBody(
                                matchingJsonPath("$.data.attributes.payment_method_types", equalToJson("[\"gcash\"]")))
                        .withRequestBody(matchingJsonPath("$.data.attributes.line_items[0].amount", equalTo("120000")))
                        .withRequestBody(matchingJsonPath("$.data.attributes.line_items[0].currency", equalTo("PHP")))
                        .withRequestBody(matchingJsonPath("$.data.attributes.reference_number", equalTo(id)))
                        .withRequestBody(matchingJsonPath("$.data.attributes.metadata.purchase_id", equalTo(id)))
                        .withRequestBody(matchingJsonPath(
                                "$.data.attributes.success_url",
                                equalTo("https://pilimarket.test/wallet/return?purchase=" + id)))
                        .withRequestBody(matchingJsonPath(
                                "$.data.attributes.cancel_url",
                                equalTo("https://pilimarket.test/wallet/return?purchase=" + id))));
    }

    @Test
    void a_maya_purchase_asks_paymongo_for_the_paymaya_method() {
        providers.stubFor(post(urlEqualTo("/v1/checkout_sessions"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"data":{"id":"cs_M","attributes":{"checkout_url":"https://checkout.paymongo.com/cs_M"}}}""")));
        TestUser buyer = users.create(0);

        TestHttp.Result result = http.post("/api/v1/purchases", Map.of("package_id", "starter", "provider", "paymaya"))
                .bearer(buyer.token())
                .send();

        assertThat(result.status()).isEqualTo(201);
        providers.verify(postRequestedFor(urlEqualTo("/v1/checkout_sessions"))
                .withRequestBody(
                        matchingJsonPath("$.data.attributes.payment_method_types", equalToJson("[\"paymaya\"]")))
                .withRequestBody(matchingJsonPath("$.data.attributes.line_items[0].amount", equalTo("10000"))));
    }

    @Test
    void a_provider_outage_answers_502_and_leaves_a_failed_purchase_that_does_not_count_against_the_cap() {
        providers.stubFor(post(urlEqualTo("/v1/checkout_sessions"))
                .willReturn(aResponse().withStatus(500).withBody("{\"errors\":[{\"detail\":\"down\"}]}")));
        TestUser buyer = users.create(0);

        TestHttp.Result result = http.post("/api/v1/purchases", Map.of("chips", 50_000, "provider", "gcash"))
                .bearer(buyer.token())
                .send();

        assertThat(result.status()).isEqualTo(502);
        assertThat(result.errorCode()).isEqualTo("PAYMENT_PROVIDER_ERROR");
        TestHttp.Result list =
                http.get("/api/v1/purchases").bearer(buyer.token()).send();
        assertThat(list.data().get(0).get("status").asString()).isEqualTo("failed");
    }

    @Test
    void the_sandbox_checkout_does_not_exist_when_the_sandbox_is_off() {
        providers.stubFor(post(urlEqualTo("/v1/payment_intents"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"pi_1\",\"object\":\"payment_intent\",\"client_secret\":\"s\"}")));
        TestUser buyer = users.create(0);
        String id = http.post("/api/v1/purchases", Map.of("chips", 100, "provider", "stripe"))
                .bearer(buyer.token())
                .send()
                .data()
                .get("id")
                .asString();

        assertThat(http.get("/sandbox/checkout/" + id).send().status()).isEqualTo(404);
        assertThat(http.post("/sandbox/checkout/" + id + "/pay", null).send().status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/purchases/" + id)
                        .bearer(buyer.token())
                        .send()
                        .data()
                        .get("status")
                        .asString())
                .isEqualTo("pending");
    }
}
