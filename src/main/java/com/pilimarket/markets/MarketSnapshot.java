package com.pilimarket.markets;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A market as forecast placement sees it, read under the market's row lock: nothing about it can
 * change until the placing transaction ends.
 */
public record MarketSnapshot(
        UUID id,
        MarketStatus status,
        String category,
        Instant closesAt,
        Instant createdAt,
        long maxPointsPerUser,
        List<UUID> outcomeIds,
        long[] outcomeTotals) {

    public int indexOf(UUID outcomeId) {
        return outcomeIds.indexOf(outcomeId);
    }
}
