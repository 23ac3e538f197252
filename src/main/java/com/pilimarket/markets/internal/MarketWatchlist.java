package com.pilimarket.markets.internal;

import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Watching and unwatching markets (the list itself is {@link MarketReads#watchlist}). */
@Service
class MarketWatchlist {

    private final MarketRecords records;
    private final WatchlistRecords watchlist;

    MarketWatchlist(MarketRecords records, WatchlistRecords watchlist) {
        this.records = records;
        this.watchlist = watchlist;
    }

    @Transactional
    void watch(UUID userId, UUID marketId) {
        records.findOrThrow(marketId);
        watchlist.watch(userId, marketId);
    }

    @Transactional
    void unwatch(UUID userId, UUID marketId) {
        records.findOrThrow(marketId);
        watchlist.unwatch(userId, marketId);
    }
}
