package com.pilimarket.activity;

import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.OutcomeRef;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the activity feed; {@code user} and {@code market} are null when not applicable (or
 * deleted). {@code outcome} names the outcome a forecast backed or a resolution chose, else null.
 */
public record ActivityView(
        UUID id,
        String activityType,
        ActivityUser user,
        MarketRef market,
        OutcomeRef outcome,
        Map<String, Object> metadata,
        OffsetDateTime createdAt) {

    /** The public view of the user an entry is about. */
    public record ActivityUser(UUID id, String displayName, String avatarUrl) {}
}
