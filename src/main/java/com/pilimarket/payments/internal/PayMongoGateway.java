package com.pilimarket.payments.internal;

import com.pilimarket.payments.PaymentProvider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Creates PayMongo checkout sessions for GCash and Maya (REST, Basic auth with the secret key). */
class PayMongoGateway implements CheckoutGateway {

    private static final Logger log = LoggerFactory.getLogger(PayMongoGateway.class);

    private final RestClient client;
    private final PaymentsProperties properties;
    private final JsonMapper json;

    PayMongoGateway(RestClient client, PaymentsProperties properties, JsonMapper json) {
        this.client = client;
        this.properties = properties;
        this.json = json;
    }

    /** A checkout session: its id, its PaymentIntent id (later events may name either) and its page. */
    @Override
    public Checkout start(Purchase purchase) {
        String secretKey = properties.paymongo().secretKey();
        String name = purchase.provider().displayName();
        if (!PaymentsProperties.isSet(secretKey)) {
            throw PaymentProviderException.notConfigured(name);
        }
        String returnUrl = properties.appBaseUrl() + "/wallet/return?purchase=" + purchase.id();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(
                "line_items",
                List.of(Map.of(
                        "name",
                        purchase.chips() + " Pilimarket chips",
                        "amount",
                        purchase.amountCents(),
                        "currency",
                        "PHP",
                        "quantity",
                        1)));
        attributes.put("payment_method_types", List.of(methodType(purchase.provider())));
        attributes.put("success_url", returnUrl);
        attributes.put("cancel_url", returnUrl);
        attributes.put("description", purchase.chips() + " Pilimarket chips");
        attributes.put("reference_number", purchase.id().toString());
        attributes.put("send_email_receipt", false);
        attributes.put("show_line_items", true);
        attributes.put(
                "metadata",
                Map.of(
                        "purchase_id", purchase.id().toString(),
                        "user_id", purchase.userId().toString()));
        String body = json.writeValueAsString(Map.of("data", Map.of("attributes", attributes)));
        String basic = Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
        try {
            String response = client.post()
                    .uri("/v1/checkout_sessions")
                    .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(String.class);
            JsonNode data = json.readTree(response == null ? "{}" : response).path("data");
            String id = StripeEvents.text(data, "id");
            String url = StripeEvents.text(data.path("attributes"), "checkout_url");
            if (id == null || url == null) {
                throw new IllegalStateException("no id or checkout_url in the response");
            }
            return new Checkout(id, StripeEvents.text(data.path("attributes").path("payment_intent"), "id"), null, url);
        } catch (RuntimeException e) {
            log.error("PayMongo refused a checkout session for purchase {}: {}", purchase.id(), e.getMessage());
            throw PaymentProviderException.failed(name);
        }
    }

    static String methodType(PaymentProvider provider) {
        return switch (provider) {
            case GCASH -> "gcash";
            case PAYMAYA -> "paymaya";
            case STRIPE -> throw new IllegalArgumentException("Stripe is not a PayMongo method");
        };
    }
}
