package com.pilimarket.users;

import java.util.UUID;

/** A superadmin changed an account's role. */
public record UserRoleChanged(UUID userId, UserRole from, UserRole to, UUID actorId, String reason) {}
