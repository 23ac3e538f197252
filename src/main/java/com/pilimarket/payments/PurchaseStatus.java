package com.pilimarket.payments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** A purchase's life: pending until a verified provider event completes or fails it; reversed later by a refund or dispute. */
public enum PurchaseStatus {
    PENDING,
    COMPLETED,
    FAILED,
    REFUNDED,
    DISPUTED;

    @JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PurchaseStatus of(String value) {
        return Arrays.stream(values())
                .filter(s -> s.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown purchase status " + value));
    }
}
