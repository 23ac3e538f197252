package com.pilimarket.reputation;

import java.time.Instant;
import java.util.UUID;

/** A user earned a badge (once per user and badge; see {@link BadgeCatalog}), published in {@link BadgesEarned}. */
public record BadgeEarned(UUID userId, String badge, Instant awardedAt) {}
