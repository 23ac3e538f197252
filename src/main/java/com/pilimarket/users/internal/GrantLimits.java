package com.pilimarket.users.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ceilings on admin chip grants ({@code pilimarket.admin.grants.*}): at most {@code maxPerGrant}
 * chips in one grant or debit, and at most {@code maxPerDay} chips granted by one admin per UTC day.
 * Beyond them: 422 {@code GRANT_LIMIT_EXCEEDED}.
 */
@ConfigurationProperties("pilimarket.admin.grants")
record GrantLimits(Long maxPerGrant, Long maxPerDay) {

    static final String EXCEEDED = "GRANT_LIMIT_EXCEEDED";

    GrantLimits {
        maxPerGrant = maxPerGrant == null ? 100_000L : maxPerGrant;
        maxPerDay = maxPerDay == null ? 1_000_000L : maxPerDay;
    }
}
