package com.pilimarket.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A user as other modules see it. */
public record UserAccount(
        UUID id,
        String email,
        String displayName,
        String handle,
        String bio,
        String avatarUrl,
        long chips,
        double reputation,
        UserRole role,
        UserStatus status,
        boolean flagged,
        OffsetDateTime createdAt,
        boolean emailVerified) {

    public boolean canWrite() {
        return status == UserStatus.ACTIVE;
    }
}
