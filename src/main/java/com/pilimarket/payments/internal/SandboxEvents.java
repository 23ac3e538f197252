package com.pilimarket.payments.internal;

import com.stripe.net.Webhook;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the events a real provider would send for a sandbox checkout, in the provider's own format,
 * signed with the configured (or development) webhook secret exactly as the provider signs them.
 */
@Component
class SandboxEvents {

    /** A provider event ready to deliver: the raw body and its signature header. */
    record Signed(String payload, String signatureHeader) {}

    private final PaymentMode mode;
    private final PaymentsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    SandboxEvents(PaymentMode mode, PaymentsProperties properties, JsonMapper json, Clock clock) {
        this.mode = mode;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    Signed stripe(Purchase purchase, boolean paid) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("id", purchase.providerTxId());
        intent.put("object", "payment_intent");
        intent.put("amount", purchase.amountCents());
        intent.put("amount_received", paid ? purchase.amountCents() : 0);
        intent.put("currency", "php");
        intent.put("status", paid ? "succeeded" : "requires_payment_method");
        intent.put("latest_charge", paid ? "ch_sandbox_" + compact(UUID.randomUUID()) : null);
        intent.put("metadata", metadata(purchase));
        if (!paid) {
            intent.put(
                    "last_payment_error",
                    Map.of("code", "card_declined", "message", "Your card was declined (sandbox)."));
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_sandbox_" + compact(UUID.randomUUID()));
        event.put("object", "event");
        event.put("api_version", com.stripe.Stripe.API_VERSION);
        event.put("created", now);
        event.put("livemode", false);
        event.put("type", paid ? "payment_intent.succeeded" : "payment_intent.payment_failed");
        event.put("data", Map.of("object", intent));
        event.put("pending_webhooks", 1);
        event.put("request", Map.of());
        String payload = json.writeValueAsString(event);
        try {
            return new Signed(
                    payload, Webhook.Signature.generateSignatureHeader(payload, mode.stripeWebhookSecret(), now));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a sandbox Stripe event", e);
        }
    }

    Signed paymongo(Purchase purchase, boolean paid) {
        long now = clock.instant().getEpochSecond();
        String paymentId = "pay_sandbox_" + compact(UUID.randomUUID());
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("amount", purchase.amountCents());
        payment.put("currency", "PHP");
        payment.put("status", paid ? "paid" : "failed");
        payment.put("description", purchase.chips() + " Pilimarket chips");
        payment.put("livemode", false);
        payment.put("metadata", metadata(purchase));
        payment.put("source", Map.of("type", PayMongoGateway.methodType(purchase.provider())));
        Map<String, Object> resource;
        String type;
        if (paid) {
            Map<String, Object> session = new LinkedHashMap<>();
            session.put("checkout_url", "/sandbox/checkout/" + purchase.id());
            session.put(
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
            session.put("payment_method_types", List.of(PayMongoGateway.methodType(purchase.provider())));
            session.put("payment_method_used", PayMongoGateway.methodType(purchase.provider()));
            session.put("reference_number", purchase.id().toString());
            session.put("metadata", metadata(purchase));
            session.put("status", "active");
            session.put("payments", List.of(Map.of("id", paymentId, "type", "payment", "attributes", payment)));
            resource = Map.of("id", purchase.providerTxId(), "type", "checkout_session", "attributes", session);
            type = "checkout_session.payment.paid";
        } else {
            payment.put("failed_code", "payment_failed");
            payment.put("failed_message", "The e-wallet payment was not completed (sandbox).");
            resource = Map.of("id", paymentId, "type", "payment", "attributes", payment);
            type = "payment.failed";
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("livemode", false);
        attributes.put("data", resource);
        attributes.put("previous_data", Map.of());
        attributes.put("created_at", now);
        attributes.put("updated_at", now);
        Map<String, Object> event = Map.of(
                "data",
                Map.of("id", "evt_sandbox_" + compact(UUID.randomUUID()), "type", "event", "attributes", attributes));
        String payload = json.writeValueAsString(event);
        return new Signed(
                payload,
                PayMongoEvents.signatureHeader(
                        payload,
                        mode.paymongoWebhookSecret(),
                        now,
                        properties.paymongo().liveMode()));
    }

    private static Map<String, Object> metadata(Purchase purchase) {
        return Map.of(
                "purchase_id", purchase.id().toString(),
                "user_id", purchase.userId().toString());
    }

    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
