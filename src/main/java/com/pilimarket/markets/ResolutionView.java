package com.pilimarket.markets;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** How a market was resolved, by whom and on what evidence (immutable once written). */
public record ResolutionView(
        UUID outcomeId, List<String> evidenceUrls, String resolutionNote, UUID resolvedBy, OffsetDateTime createdAt) {}
