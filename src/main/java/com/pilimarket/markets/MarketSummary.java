package com.pilimarket.markets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A market in lists ({@code GET /markets}). */
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
        List<OutcomeView> outcomes) {}
