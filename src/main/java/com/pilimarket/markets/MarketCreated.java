package com.pilimarket.markets;

import java.time.Instant;
import java.util.UUID;

/** A market was created (and is open for forecasts). */
public record MarketCreated(
        UUID marketId, String slug, String title, String category, UUID createdBy, Instant createdAt) {}
