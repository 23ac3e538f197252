package com.pilimarket.users;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What anyone may see about a user: no email, no chips, no status details. */
public record PublicProfile(
        UUID id,
        String displayName,
        @Nullable String bio,
        @Nullable String avatarUrl,
        double reputation,
        List<Badge> badges,
        OffsetDateTime createdAt) {

    public static PublicProfile of(UserAccount user, List<Badge> badges) {
        return new PublicProfile(
                user.id(),
                user.displayName(),
                user.bio(),
                user.avatarUrl(),
                user.reputation(),
                badges,
                user.createdAt());
    }
}
