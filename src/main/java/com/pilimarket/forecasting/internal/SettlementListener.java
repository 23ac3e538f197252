package com.pilimarket.forecasting.internal;

import com.pilimarket.markets.MarketCancelled;
import com.pilimarket.markets.MarketResolved;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Settles markets when they are resolved or cancelled. The events are durable (JDBC publication
 * registry): a run that fails stays incomplete and is retried on restart or resubmission, and
 * {@link Settlement} makes a re-run pay nobody twice.
 */
@Component
class SettlementListener {

    private final Settlement settlement;

    SettlementListener(Settlement settlement) {
        this.settlement = settlement;
    }

    @ApplicationModuleListener
    void on(MarketResolved event) {
        settlement.settleResolved(event.marketId(), event.outcomeId());
    }

    @ApplicationModuleListener
    void on(MarketCancelled event) {
        settlement.settleCancelled(event.marketId());
    }
}
