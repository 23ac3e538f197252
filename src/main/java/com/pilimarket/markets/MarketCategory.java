package com.pilimarket.markets;

import java.util.Locale;
import java.util.Optional;

/** The categories a market can belong to. */
public enum MarketCategory {
    ELECTION,
    CRYPTO,
    ENTERTAINMENT,
    SPORTS,
    POLITICS,
    OTHER;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category named by an API value, if it names one. */
    public static Optional<MarketCategory> parse(String value) {
        for (MarketCategory category : values()) {
            if (category.value().equals(value)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
