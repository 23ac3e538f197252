package com.pilimarket.markets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An admin's edit of a market; null fields stay as they are. Outcomes change only while nobody has forecast. */
public record MarketEdit(
        @Nullable String title,
        @Nullable String description,

        @Nullable @Schema(implementation = MarketCategory.class)
        String category,

        @Nullable List<String> outcomes,
        @Nullable OffsetDateTime closesAt,
        @Nullable OffsetDateTime resolvesAt,
        @Nullable Long maxPointsPerUser,
        @Nullable Map<String, Object> metadata) {}
