package com.pilimarket.forecasting;

import com.pilimarket.markets.MarketCategory;
import com.pilimarket.markets.MarketStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The market of a portfolio line: enough to name it, link to it and say whether it still takes forecasts. */
public record PortfolioMarket(
        UUID id,
        String slug,
        String title,
        @Nullable String titleFil,
        @Schema(implementation = MarketCategory.class) String category,
        @Schema(implementation = MarketStatus.class) String status,
        OffsetDateTime closesAt) {}
