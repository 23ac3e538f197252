package com.pilimarket.users;

import java.util.UUID;

/** A moderator suspended, banned or reinstated an account. */
public record UserStatusChanged(UUID userId, UserStatus from, UserStatus to, UUID actorId, String reason) {}
