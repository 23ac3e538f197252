package com.pilimarket.moderation.internal;

import java.util.Locale;

/** What a flag is about. */
enum SubjectType {
    USER,
    FORECAST,
    PURCHASE,
    COMMENT;

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubjectType of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
