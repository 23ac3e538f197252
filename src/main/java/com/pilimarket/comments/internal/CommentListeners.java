package com.pilimarket.comments.internal;

import com.pilimarket.markets.MarketCancelled;
import com.pilimarket.markets.MarketResolved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Remembers when each market ended: its comments stay writable for seven days after that. */
@Component
class CommentListeners {

    private final CommentService comments;

    CommentListeners(CommentService comments) {
        this.comments = comments;
    }

    @ApplicationModuleListener
    void on(MarketResolved event) {
        comments.recordEnding(event.marketId(), event.resolvedAt());
    }

    @ApplicationModuleListener
    void on(MarketCancelled event) {
        comments.recordEnding(event.marketId(), event.cancelledAt());
    }
}
