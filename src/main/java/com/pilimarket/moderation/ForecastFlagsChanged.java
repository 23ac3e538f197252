package com.pilimarket.moderation;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Forecasts were flagged ({@code flagged} true) or un-flagged by moderation: leaderboards and
 * reputation, which leave flagged forecasts out, should recompute the affected markets and users.
 */
public record ForecastFlagsChanged(
        Set<UUID> forecastIds, Set<UUID> marketIds, Set<UUID> userIds, boolean flagged, Instant changedAt) {}
