package com.pilimarket.users;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What anyone may see about a user: no email, no chips, no status details. {@code followers} and
 * {@code following} count follows; {@code followed_by_me}: the caller follows this user (false for
 * visitors).
 */
public record PublicProfile(
        UUID id,
        String displayName,

        @Schema(description = "unique, 3–20 characters of a-z, 0-9 and _")
        String handle,

        @Nullable String bio,
        @Nullable String avatarUrl,
        double reputation,
        List<Badge> badges,
        OffsetDateTime createdAt,
        long followers,
        long following,
        boolean followedByMe) {

    public static PublicProfile of(UserAccount user, List<Badge> badges, FollowCounts follows) {
        return new PublicProfile(
                user.id(),
                user.displayName(),
                user.handle(),
                user.bio(),
                user.avatarUrl(),
                user.reputation(),
                badges,
                user.createdAt(),
                follows.followers(),
                follows.following(),
                follows.followedByMe());
    }
}
