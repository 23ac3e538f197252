package com.pilimarket.markets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A market in lists ({@code GET /markets}, {@code GET /users/me/watchlist}); {@code winningOutcomeId}
 * is the outcome a resolved market was resolved to (null otherwise), so a card can name the winner.
 */
public record MarketSummary(
        UUID id,
        String slug,
        String title,
        String description,
        String category,
        String status,
        OffsetDateTime closesAt,
        OffsetDateTime resolvesAt,
        OffsetDateTime createdAt,
        long totalPoints,
        int forecasterCount,
        List<OutcomeView> outcomes,
        UUID winningOutcomeId) {}
