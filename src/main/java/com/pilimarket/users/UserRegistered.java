package com.pilimarket.users;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A new account exists (published in the creating transaction; the activity feed shows it). */
public record UserRegistered(UUID userId, String displayName, OffsetDateTime registeredAt) {}
