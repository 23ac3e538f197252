package com.pilimarket.users;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line of a followers or following list: the public face of the user and when the follow began. */
public record FollowedUser(
        UUID id,
        String displayName,
        String handle,
        @Nullable String avatarUrl,
        OffsetDateTime followedAt) {}
