package com.pilimarket.markets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** An admin's edit of a market; null fields stay as they are. Outcomes change only while nobody has forecast. */
public record MarketEdit(
        String title,
        String description,
        String category,
        List<String> outcomes,
        OffsetDateTime closesAt,
        OffsetDateTime resolvesAt,
        Long maxPointsPerUser,
        Map<String, Object> metadata) {}
