package com.pilimarket.payments.internal;

import static com.pilimarket.payments.internal.StripeEvents.number;
import static com.pilimarket.payments.internal.StripeEvents.text;

import com.pilimarket.payments.internal.ProviderEvent.Kind;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies PayMongo webhooks: {@code Paymongo-Signature: t=<unix>,te=<test sig>,li=<live sig>}, where a
 * signature is the hex HMAC-SHA256 of {@code t + "." + raw body} under the webhook secret; {@code te}
 * counts in test mode, {@code li} in live mode; older than the tolerance is refused.
 */
@Component
class PayMongoEvents {

    static final String PROVIDER = "paymongo";

    private final PaymentMode mode;
    private final PaymentsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    PayMongoEvents(PaymentMode mode, PaymentsProperties properties, JsonMapper json, Clock clock) {
        this.mode = mode;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** The header value PayMongo would send for this body at {@code timestamp} (used by the sandbox). */
    static String signatureHeader(String payload, String secret, long timestamp, boolean liveMode) {
        String signature = hmacHex(secret, timestamp + "." + payload);
        return liveMode ? "t=" + timestamp + ",te=,li=" + signature : "t=" + timestamp + ",te=" + signature + ",li=";
    }

    ProviderEvent verify(String payload, String header) {
        String secret = mode.paymongoWebhookSecret();
        if (!PaymentsProperties.isSet(secret) || header == null || header.isBlank() || payload == null) {
            throw new InvalidSignatureException("Missing or unverifiable Paymongo-Signature");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.putIfAbsent(
                        part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(parts.getOrDefault("t", ""));
        } catch (NumberFormatException e) {
            throw new InvalidSignatureException("Paymongo-Signature has no timestamp");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > properties.paymongo().webhookTolerance().toSeconds()) {
            throw new InvalidSignatureException("Paymongo-Signature timestamp is outside the tolerance");
        }
        String given = parts.getOrDefault(properties.paymongo().liveMode() ? "li" : "te", "");
        String expected = hmacHex(secret, timestamp + "." + payload);
        if (given.isEmpty()
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
            throw new InvalidSignatureException("Invalid Paymongo-Signature");
        }
        try {
            return read(json.readTree(payload));
        } catch (JacksonException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST, "Unreadable PayMongo event");
        }
    }

    private ProviderEvent read(JsonNode root) {
        JsonNode event = root.path("data");
        JsonNode attributes = event.path("attributes");
        String id = text(event, "id");
        String type = text(attributes, "type");
        if (id == null || type == null) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST, "PayMongo event without id or type");
        }
        JsonNode resource = attributes.path("data");
        JsonNode res = resource.path("attributes");
        String resourceId = text(resource, "id");
        return switch (type) {
            case "checkout_session.payment.paid" -> checkoutPaid(id, type, resourceId, res);
            case "payment.paid" -> payment(id, type, Kind.PAID, resourceId, res, null);
            case "payment.failed" -> payment(id, type, Kind.FAILED, resourceId, res, failure(res));
            case "payment.refunded" -> payment(id, type, Kind.REFUNDED, resourceId, res, null);
            case "payment.refund.updated" -> refundUpdated(id, type, resource, res);
            default -> new ProviderEvent(PROVIDER, id, type, Kind.IGNORED, null, List.of(), null, null, null, null);
        };
    }

    private ProviderEvent checkoutPaid(String id, String type, String sessionId, JsonNode session) {
        long paid = 0;
        String currency = null;
        String paymentId = null;
        boolean any = false;
        for (JsonNode payment : session.path("payments")) {
            JsonNode attrs = payment.path("attributes");
            if ("paid".equals(text(attrs, "status")) && number(attrs, "amount") != null) {
                paid += number(attrs, "amount");
                currency = currency == null ? text(attrs, "currency") : currency;
                paymentId = paymentId == null ? text(payment, "id") : paymentId;
                any = true;
            }
        }
        List<String> refs = new ArrayList<>();
        refs.add(sessionId);
        refs.add(text(session.path("payment_intent"), "id"));
        refs.add(paymentId);
        return new ProviderEvent(
                PROVIDER,
                id,
                type,
                Kind.PAID,
                purchaseIdOf(session),
                refs,
                paymentId,
                any ? paid : null,
                currency,
                null);
    }

    private ProviderEvent payment(
            String id, String type, Kind kind, String paymentId, JsonNode payment, String reason) {
        List<String> refs = new ArrayList<>();
        refs.add(paymentId);
        refs.add(text(payment, "payment_intent_id"));
        return new ProviderEvent(
                PROVIDER,
                id,
                type,
                kind,
                purchaseIdOf(payment),
                refs,
                paymentId,
                number(payment, "amount"),
                text(payment, "currency"),
                reason);
    }

    /** The event's resource is a refund; only a succeeded one takes chips back. */
    private ProviderEvent refundUpdated(String id, String type, JsonNode resource, JsonNode refund) {
        boolean isRefund = "refund".equals(text(resource, "type"));
        if (isRefund && !"succeeded".equals(text(refund, "status"))) {
            return new ProviderEvent(PROVIDER, id, type, Kind.IGNORED, null, List.of(), null, null, null, null);
        }
        String paymentId = isRefund ? text(refund, "payment_id") : text(resource, "id");
        List<String> refs = new ArrayList<>();
        refs.add(paymentId);
        refs.add(text(refund, "payment_intent_id"));
        return new ProviderEvent(
                PROVIDER,
                id,
                type,
                Kind.REFUNDED,
                purchaseIdOf(refund),
                refs,
                paymentId,
                number(refund, "amount"),
                text(refund, "currency"),
                null);
    }

    private static java.util.UUID purchaseIdOf(JsonNode attributes) {
        java.util.UUID fromMetadata = ProviderEvent.uuidOrNull(text(attributes.path("metadata"), "purchase_id"));
        if (fromMetadata != null) {
            return fromMetadata;
        }
        java.util.UUID fromReference = ProviderEvent.uuidOrNull(text(attributes, "reference_number"));
        return fromReference != null
                ? fromReference
                : ProviderEvent.uuidOrNull(text(attributes, "external_reference_number"));
    }

    private static String failure(JsonNode payment) {
        String message = text(payment, "failed_message");
        String code = text(payment, "failed_code");
        String reason = message != null ? message : code != null ? code : "payment failed";
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }

    static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
