package com.pilimarket.activity;

import com.pilimarket.markets.MarketRef;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One entry of the activity feed; {@code user} and {@code market} are null when not applicable (or deleted). */
public record ActivityView(
        UUID id,
        String activityType,
        ActivityUser user,
        MarketRef market,
        Map<String, Object> metadata,
        OffsetDateTime createdAt) {

    /** The public view of the user an entry is about. */
    public record ActivityUser(UUID id, String displayName, String avatarUrl) {}
}
