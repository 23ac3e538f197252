package com.pilimarket.markets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A market in full ({@code GET /markets/{id-or-slug}}): {@code resolution} is null until resolved;
 * {@code myForecast} is the caller's position, null when anonymous or without one; {@code watching}
 * says whether the caller has the market on their watchlist (false when anonymous);
 * {@code cancelReason} is the admin's reason once cancelled.
 * {@code titleFil}
 * and {@code descriptionFil} are the optional Filipino text (null when there is none).
 */
public record MarketDetail(
        UUID id,
        String slug,
        String title,
        @Nullable String description,
        @Schema(implementation = MarketCategory.class) String category,
        @Schema(implementation = MarketStatus.class) String status,
        OffsetDateTime closesAt,
        @Nullable OffsetDateTime resolvesAt,
        OffsetDateTime createdAt,
        long maxPointsPerUser,
        long totalPoints,
        int forecasterCount,
        List<OutcomeView> outcomes,
        @Nullable ResolutionView resolution,
        @Nullable Position myForecast,
        Map<String, Object> metadata,
        @Nullable String cancelReason,
        @Nullable OffsetDateTime settledAt,
        boolean watching,
        @Nullable String titleFil,
        @Nullable String descriptionFil) {}
