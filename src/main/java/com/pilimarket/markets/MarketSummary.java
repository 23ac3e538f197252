package com.pilimarket.markets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A market in lists ({@code GET /markets}, {@code GET /users/me/watchlist}); {@code winningOutcomeId}
 * is the outcome a resolved market was resolved to (null otherwise), so a card can name the winner;
 * {@code titleFil}/{@code descriptionFil} are its optional Filipino text.
 */
public record MarketSummary(
        UUID id,
        String slug,
        String title,
        @Nullable String description,
        @Schema(implementation = MarketCategory.class) String category,
        @Schema(implementation = MarketStatus.class) String status,
        OffsetDateTime closesAt,
        @Nullable OffsetDateTime resolvesAt,
        OffsetDateTime createdAt,
        long totalPoints,
        int forecasterCount,
        List<OutcomeView> outcomes,
        @Nullable UUID winningOutcomeId,
        @Nullable String titleFil,
        @Nullable String descriptionFil) {}
