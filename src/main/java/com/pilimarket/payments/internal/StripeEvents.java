package com.pilimarket.payments.internal;

import com.pilimarket.payments.internal.ProviderEvent.Kind;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies Stripe webhooks with stripe-java ({@code Stripe-Signature}, HMAC-SHA256 over
 * {@code t.payload}, 300 s tolerance either way) and reads the fields the purchase rules need straight from the
 * verified JSON, so a newer Stripe API version cannot break deserialisation.
 */
@Component
class StripeEvents {

    static final String PROVIDER = "stripe";

    private final PaymentMode mode;
    private final PaymentsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    StripeEvents(PaymentMode mode, PaymentsProperties properties, JsonMapper json, Clock clock) {
        this.mode = mode;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    ProviderEvent verify(String payload, String signatureHeader) {
        String secret = mode.stripeWebhookSecret();
        if (!PaymentsProperties.isSet(secret) || signatureHeader == null || signatureHeader.isBlank()) {
            throw new InvalidSignatureException("Missing or unverifiable Stripe-Signature");
        }
        try {
            Webhook.constructEvent(
                    payload,
                    signatureHeader,
                    secret,
                    properties.stripe().webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw new InvalidSignatureException("Invalid Stripe-Signature: " + e.getMessage());
        } catch (RuntimeException e) {
            // Correctly signed but not an event Stripe's library can read.
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST, "Unreadable Stripe event");
        }
        refuseFutureTimestamp(signatureHeader);
        try {
            return read(payload);
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST, "Unreadable Stripe event");
        }
    }

    /**
     * Stripe's library refuses only timestamps older than the tolerance; one far in the future would
     * let a captured signature be replayed for as long as its sender likes. Both directions count, as
     * on the PayMongo path.
     */
    private void refuseFutureTimestamp(String signatureHeader) {
        long timestamp = -1;
        for (String part : signatureHeader.split(",")) {
            String item = part.strip();
            if (item.startsWith("t=")) {
                try {
                    timestamp = Long.parseLong(item.substring(2).strip());
                } catch (NumberFormatException e) {
                    throw new InvalidSignatureException("Stripe-Signature has no readable timestamp");
                }
            }
        }
        long tolerance = properties.stripe().webhookTolerance().toSeconds();
        if (timestamp - clock.instant().getEpochSecond() > tolerance) {
            throw new InvalidSignatureException("Stripe-Signature timestamp is outside the tolerance");
        }
    }

    private ProviderEvent read(String payload) {
        JsonNode root = json.readTree(payload);
        String id = text(root, "id");
        String type = text(root, "type");
        if (id == null || type == null) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST, "Stripe event without id or type");
        }
        JsonNode object = root.path("data").path("object");
        String purchase = text(object.path("metadata"), "purchase_id");
        return switch (type) {
            case "payment_intent.succeeded" ->
                new ProviderEvent(
                        PROVIDER,
                        id,
                        type,
                        Kind.PAID,
                        ProviderEvent.uuidOrNull(purchase),
                        List.of(orEmpty(text(object, "id"))),
                        text(object, "latest_charge"),
                        number(object, object.has("amount_received") ? "amount_received" : "amount"),
                        text(object, "currency"),
                        null);
            case "payment_intent.payment_failed" ->
                new ProviderEvent(
                        PROVIDER,
                        id,
                        type,
                        Kind.FAILED,
                        ProviderEvent.uuidOrNull(purchase),
                        List.of(orEmpty(text(object, "id"))),
                        null,
                        null,
                        null,
                        failure(object.path("last_payment_error")));
            case "charge.refunded" ->
                new ProviderEvent(
                        PROVIDER,
                        id,
                        type,
                        Kind.REFUNDED,
                        ProviderEvent.uuidOrNull(purchase),
                        List.of(orEmpty(text(object, "payment_intent")), orEmpty(text(object, "id"))),
                        text(object, "id"),
                        number(object, "amount_refunded"),
                        text(object, "currency"),
                        null);
            case "charge.dispute.created" ->
                new ProviderEvent(
                        PROVIDER,
                        id,
                        type,
                        Kind.DISPUTED,
                        ProviderEvent.uuidOrNull(purchase),
                        List.of(orEmpty(text(object, "payment_intent")), orEmpty(text(object, "charge"))),
                        text(object, "charge"),
                        number(object, "amount"),
                        text(object, "currency"),
                        text(object, "reason"));
            default -> new ProviderEvent(PROVIDER, id, type, Kind.IGNORED, null, List.of(), null, null, null, null);
        };
    }

    private static String failure(JsonNode error) {
        String message = text(error, "message");
        String code = text(error, "code");
        String reason = message != null ? message : code != null ? code : "payment failed";
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() ? value.asLong() : null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
