package com.pilimarket.payments.internal;

import java.util.List;
import java.util.UUID;

/**
 * A verified provider event reduced to what the purchase rules need. {@code purchaseId} comes from
 * our own metadata or reference number when the provider echoes it; {@code references} are provider
 * object ids (PaymentIntent, checkout session, charge, payment) to find the purchase otherwise.
 */
public record ProviderEvent(
        String provider,
        String eventId,
        String type,
        Kind kind,
        UUID purchaseId,
        List<String> references,
        String paymentId,
        Long amountCents,
        String currency,
        String failureReason) {

    /** What the event means for a purchase. */
    public enum Kind {
        PAID,
        FAILED,
        REFUNDED,
        DISPUTED,
        IGNORED
    }

    public ProviderEvent {
        references = references == null
                ? List.of()
                : references.stream().filter(r -> r != null && !r.isBlank()).toList();
    }

    static UUID uuidOrNull(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
