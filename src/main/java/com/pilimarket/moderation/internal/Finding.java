package com.pilimarket.moderation.internal;

import java.util.Map;
import java.util.UUID;

/**
 * What a fraud rule found about one subject (a user, forecast or purchase) of one account.
 * {@code once} findings are raised at most once per subject and rule, whatever became of the first.
 */
record Finding(
        SubjectType subjectType,
        UUID subjectId,
        UUID userId,
        String rule,
        Map<String, Object> evidence,
        Repeat repeat) {

    /** What happens when the same subject and rule were flagged before. */
    enum Repeat {
        /** A new flag unless one is open (event-driven findings: each event is news). */
        UNLESS_OPEN,
        /** Not again once a moderator cleared it (the hourly scan sees the same facts every hour). */
        UNLESS_CLEARED,
        /** Never twice (its side effects, such as recording debt, must happen once). */
        ONCE
    }

    static Finding user(UUID userId, String rule, Map<String, Object> evidence, Repeat repeat) {
        return new Finding(SubjectType.USER, userId, userId, rule, evidence, repeat);
    }
}
