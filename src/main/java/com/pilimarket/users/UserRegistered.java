package com.pilimarket.users;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A new account exists (published in the creating transaction; the activity feed shows it).
 * {@code referrerId}: the existing user whose referral link it registered through, or null.
 */
public record UserRegistered(
        UUID userId,
        String displayName,
        OffsetDateTime registeredAt,
        @Nullable UUID referrerId) {

    public UserRegistered(UUID userId, String displayName, OffsetDateTime registeredAt) {
        this(userId, displayName, registeredAt, null);
    }
}
