package com.pilimarket.users;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a user sees about themself ({@code GET /users/me}, and {@code user} in auth responses). */
public record PrivateProfile(
        UUID id,
        String email,
        String displayName,
        String bio,
        String avatarUrl,
        long chips,
        double reputation,
        List<Badge> badges,
        String role,
        String status,
        OffsetDateTime createdAt) {

    public static PrivateProfile of(UserAccount user, List<Badge> badges) {
        return new PrivateProfile(
                user.id(),
                user.email(),
                user.displayName(),
                user.bio(),
                user.avatarUrl(),
                user.chips(),
                user.reputation(),
                badges,
                user.role().value(),
                user.status().value(),
                user.createdAt());
    }
}
