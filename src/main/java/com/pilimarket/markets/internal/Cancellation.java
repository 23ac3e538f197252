package com.pilimarket.markets.internal;

import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;

/** A valid cancellation: a reason of 1–2000 characters (PRODUCT.md §3). */
record Cancellation(String reason) {

    static final int MAX_REASON = 2_000;

    /** The reason, cleaned; 400 {@code VALIDATION_FAILED} on {@code reason}. */
    static Cancellation of(String reason) {
        String cleaned = Text.clean(reason);
        if (cleaned == null || cleaned.isEmpty()) {
            throw ValidationException.of("reason", "is required");
        }
        if (cleaned.length() > MAX_REASON) {
            throw ValidationException.of("reason", "must be at most 2000 characters");
        }
        return new Cancellation(cleaned);
    }
}
