package com.pilimarket.markets;

import java.time.Instant;
import java.util.UUID;

/** A market was cancelled; forecasting refunds every stake in reaction. */
public record MarketCancelled(
        UUID marketId,
        String reason,
        UUID cancelledBy,
        String title,
        String category,
        Instant marketCreatedAt,
        Instant cancelledAt) {}
