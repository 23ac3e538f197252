package com.pilimarket.markets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A market in full ({@code GET /markets/{id-or-slug}}): {@code resolution} is null until resolved;
 * {@code myForecast} is the caller's position, null when anonymous or without one; {@code watching}
 * says whether the caller has the market on their watchlist (false when anonymous);
 * {@code cancelReason} is the admin's reason once cancelled.
 */
public record MarketDetail(
        UUID id,
        String slug,
        String title,
        String description,
        String category,
        String status,
        OffsetDateTime closesAt,
        OffsetDateTime resolvesAt,
        OffsetDateTime createdAt,
        long maxPointsPerUser,
        long totalPoints,
        int forecasterCount,
        List<OutcomeView> outcomes,
        ResolutionView resolution,
        Position myForecast,
        Map<String, Object> metadata,
        String cancelReason,
        OffsetDateTime settledAt,
        boolean watching) {}
