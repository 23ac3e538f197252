package com.pilimarket.activity;

import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.OutcomeRef;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the activity feed; {@code user} and {@code market} are null when not applicable (or
 * deleted). {@code outcome} names the outcome a forecast backed or a resolution chose, else null.
 */
public record ActivityView(
        UUID id,

        @Schema(
                allowableValues = {
                    "market_created",
                    "forecast_placed",
                    "market_resolved",
                    "user_registered",
                    "badge_earned"
                })
        String activityType,

        @Nullable ActivityUser user,
        @Nullable MarketRef market,
        @Nullable OutcomeRef outcome,
        Map<String, Object> metadata,
        OffsetDateTime createdAt) {

    /** The public view of the user an entry is about. */
    public record ActivityUser(
            UUID id,
            String displayName,
            String handle,
            @Nullable String avatarUrl) {}
}
