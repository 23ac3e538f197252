package com.pilimarket.markets;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an admin (or the demo-data seeder) supplies to create a market. Text is sanitized and every
 * rule checked by {@link Markets#create}; {@code resolvesAt}, {@code maxPointsPerUser} (default
 * 10,000) and {@code metadata} are optional, and so is the Filipino text ({@code titleFil},
 * {@code descriptionFil}, {@code outcomesFil} in the order of {@code outcomes}, an entry null or
 * blank where an outcome has no Filipino name).
 */
public record NewMarket(
        String title,
        @Nullable String description,
        @Schema(implementation = MarketCategory.class) String category,
        List<String> outcomes,
        OffsetDateTime closesAt,
        @Nullable OffsetDateTime resolvesAt,
        @Nullable Long maxPointsPerUser,
        @Nullable Map<String, Object> metadata,
        @Nullable String titleFil,
        @Nullable String descriptionFil,
        @Nullable List<String> outcomesFil) {

    /** Without Filipino text. */
    public NewMarket(
            String title,
            @Nullable String description,
            String category,
            List<String> outcomes,
            OffsetDateTime closesAt,
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
