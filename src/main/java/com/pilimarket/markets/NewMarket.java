package com.pilimarket.markets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What an admin (or the demo-data seeder) supplies to create a market. Text is sanitized and every
 * rule checked by {@link Markets#create}; {@code resolvesAt}, {@code maxPointsPerUser} (default
 * 10,000) and {@code metadata} are optional.
 */
public record NewMarket(
        String title,
        String description,
        String category,
        List<String> outcomes,
        OffsetDateTime closesAt,
        OffsetDateTime resolvesAt,
        Long maxPointsPerUser,
        Map<String, Object> metadata) {}
