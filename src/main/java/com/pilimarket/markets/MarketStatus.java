package com.pilimarket.markets;

import java.util.Locale;
import java.util.Optional;

/** Where a market is in its lifecycle (PRODUCT.md §3); resolved and cancelled are final. */
public enum MarketStatus {
    OPEN,
    SUSPENDED,
    CLOSED,
    RESOLVED,
    CANCELLED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MarketStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** The status named by an API parameter, if it names one. */
    public static Optional<MarketStatus> parse(String value) {
        for (MarketStatus status : values()) {
            if (status.value().equals(value)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    public boolean isFinal() {
        return this == RESOLVED || this == CANCELLED;
    }
}
