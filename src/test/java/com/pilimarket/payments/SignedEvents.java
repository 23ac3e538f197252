package com.pilimarket.payments;

import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Provider events as Stripe and PayMongo send them, signed the way they sign them (independently of
 * the production code, so a bug there cannot hide in a shared helper).
 */
final class SignedEvents {

    static final String STRIPE_SECRET = "whsec_test_payments_secret_0123456789";
    static final String PAYMONGO_SECRET = "whsk_test_payments_secret_0123456789";

    private SignedEvents() {}

    record Signed(String payload, String signature) {
        Signed tampered(String from, String to) {
            if (!payload.contains(from)) {
                throw new IllegalArgumentException(from + " not in payload");
            }
            return new Signed(payload.replace(from, to), signature);
        }
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String stripeIntent(String eventId, String type, UUID purchaseId, long amount, String currency) {
        return """
                {"id":"%s","object":"event","api_version":"2026-07-29.dahlia","created":%d,"livemode":false,
                 "type":"%s","data":{"object":{"id":"pi_test_%s","object":"payment_intent","amount":%d,
                 "amount_received":%d,"currency":"%s","status":"succeeded",
                 "last_payment_error":{"code":"card_declined","message":"Your card was declined."},
                 "metadata":{"purchase_id":"%s"}}}}
                """.formatted(
                        eventId,
                        Instant.now().getEpochSecond(),
                        type,
                        purchaseId.toString().replace("-", ""),
                        amount,
                        amount,
                        currency,
                        purchaseId);
    }

    static String stripeCharge(String eventId, String type, UUID purchaseId, String paymentIntentId, long amount) {
        String object = type.equals("charge.dispute.created")
                ? """
                  {"id":"dp_1","object":"dispute","amount":%d,"currency":"php","charge":"ch_1","payment_intent":"%s","reason":"fraudulent","metadata":{}}""".formatted(amount, paymentIntentId)
                : """
                  {"id":"ch_1","object":"charge","amount":%d,"amount_refunded":%d,"currency":"php","payment_intent":"%s","refunded":true,"metadata":{"purchase_id":"%s"}}""".formatted(amount, amount, paymentIntentId, purchaseId);
        return """
                {"id":"%s","object":"event","created":%d,"livemode":false,"type":"%s","data":{"object":%s}}""".formatted(eventId, Instant.now().getEpochSecond(), type, object);
    }

    static Signed signStripe(String payload, String secret, Instant at) {
        try {
            return new Signed(payload, Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Signed signStripe(String payload) {
        return signStripe(payload, STRIPE_SECRET, Instant.now());
    }

    static String paymongoCheckoutPaid(String eventId, UUID purchaseId, long amount, String currency) {
        return """
                {"data":{"id":"%s","type":"event","attributes":{"type":"checkout_session.payment.paid","livemode":false,
                 "created_at":%d,"data":{"id":"cs_test_1","type":"checkout_session","attributes":{
                 "reference_number":"%s","metadata":{"purchase_id":"%s"},
                 "payments":[{"id":"pay_test_%s","type":"payment","attributes":{"amount":%d,"currency":"%s","status":"paid"}}]}}}}}
                """.formatted(
                        eventId,
                        Instant.now().getEpochSecond(),
                        purchaseId,
                        purchaseId,
                        purchaseId.toString().replace("-", ""),
                        amount,
                        currency);
    }

    static String paymongoPayment(String eventId, String type, UUID purchaseId, long amount) {
        return """
                {"data":{"id":"%s","type":"event","attributes":{"type":"%s","livemode":false,"created_at":%d,
                 "data":{"id":"pay_test_%s","type":"payment","attributes":{"amount":%d,"currency":"PHP",
                 "status":"paid","failed_message":"Insufficient e-wallet balance","metadata":{"purchase_id":"%s"}}}}}}
                """.formatted(
                        eventId,
                        type,
                        Instant.now().getEpochSecond(),
                        purchaseId.toString().replace("-", ""),
                        amount,
                        purchaseId);
    }

    static Signed signPayMongo(String payload, String secret, Instant at) {
        long t = at.getEpochSecond();
        String signature = hmacHex(secret, t + "." + payload);
        return new Signed(payload, "t=" + t + ",te=" + signature + ",li=");
    }

    static Signed signPayMongo(String payload) {
        return signPayMongo(payload, PAYMONGO_SECRET, Instant.now());
    }

    static String hmacHex(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
