package com.pilimarket.markets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An admin's edit of a market; null fields stay as they are, and an empty Filipino text clears it.
 * Outcomes change only while nobody has forecast; their Filipino names ({@code outcomesFil}, in the
 * order of the outcomes) may change at any time.
 */
public record MarketEdit(
        @Nullable String title,
        @Nullable String description,

        @Nullable @Schema(implementation = MarketCategory.class)
        String category,

        @Nullable List<String> outcomes,
        @Nullable OffsetDateTime closesAt,
        @Nullable OffsetDateTime resolvesAt,
        @Nullable Long maxPointsPerUser,
        @Nullable Map<String, Object> metadata,
        @Nullable String titleFil,
        @Nullable String descriptionFil,
        @Nullable List<String> outcomesFil) {

    /** Without Filipino text. */
    public MarketEdit(
            @Nullable String title,
            @Nullable String description,
            @Nullable String category,
            @Nullable List<String> outcomes,
            @Nullable OffsetDateTime closesAt,
            @Nullable OffsetDateTime resolvesAt,
            @Nullable Long maxPointsPerUser,
            @Nullable Map<String, Object> metadata) {
        this(
                title,
                description,
                category,
                outcomes,
                closesAt,
                resolvesAt,
                maxPointsPerUser,
                metadata,
                null,
                null,
                null);
    }
}
