package com.pilimarket.markets;

import java.time.Instant;
import java.util.UUID;

/** A market was resolved to one outcome; forecasting settles its pool in reaction. */
public record MarketResolved(
        UUID marketId,
        UUID outcomeId,
        UUID resolvedBy,
        String title,
        String category,
        Instant marketCreatedAt,
        Instant resolvedAt) {}
