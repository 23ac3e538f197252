package com.pilimarket.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Someone started following a user (published in the same transaction as the follow). */
public record UserFollowed(UUID followerId, UUID followeeId, OffsetDateTime followedAt) {}
