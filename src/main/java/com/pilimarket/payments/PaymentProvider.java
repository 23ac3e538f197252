package com.pilimarket.payments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Where a purchase is paid: Stripe (card) directly, GCash and Maya through PayMongo. */
public enum PaymentProvider {
    STRIPE("stripe", "Card (Stripe)"),
    GCASH("gcash", "GCash"),
    PAYMAYA("paymaya", "Maya");

    private final String value;
    private final String displayName;

    PaymentProvider(String value, String displayName) {
        this.value = value;
        this.displayName = displayName;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public String displayName() {
        return displayName;
    }

    /** GCash and Maya are both PayMongo payment methods; their events arrive at one webhook. */
    public boolean viaPayMongo() {
        return this != STRIPE;
    }

    public static Optional<PaymentProvider> parse(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }

    @JsonCreator
    static PaymentProvider of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown provider " + value));
    }
}
