package com.pilimarket.comments.internal;

import com.pilimarket.markets.MarketCancelled;
import com.pilimarket.markets.MarketResolved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Remembers when each market ended: its comments stay writable for seven days after that. */
@Component
class CommentListeners {

    private final CommentRecords records;

    CommentListeners(CommentRecords records) {
        this.records = records;
    }

    @ApplicationModuleListener
    void on(MarketResolved event) {
        records.recordEnding(event.marketId(), event.resolvedAt());
    }

    @ApplicationModuleListener
    void on(MarketCancelled event) {
        records.recordEnding(event.marketId(), event.cancelledAt());
    }
}
