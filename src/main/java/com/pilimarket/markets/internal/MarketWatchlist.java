package com.pilimarket.markets.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Watching and unwatching markets (the list itself is {@link MarketReads#watchlist}). */
@Service
class MarketWatchlist {

    private final MarketRecords records;

    MarketWatchlist(MarketRecords records) {
        this.records = records;
    }

    @Transactional
    void watch(UUID userId, UUID marketId) {
        records.findOrThrow(marketId);
        records.watch(userId, marketId);
    }

    @Transactional
    void unwatch(UUID userId, UUID marketId) {
        records.findOrThrow(marketId);
        records.unwatch(userId, marketId);
    }
}
