package com.pilimarket.reputation;

import java.time.Instant;
import java.util.UUID;

/** A user earned a badge (published once per user and badge; see {@link BadgeCatalog}). */
public record BadgeEarned(UUID userId, String badge, Instant awardedAt) {}
