package com.pilimarket.markets.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes markets at their {@code closes_at}, once across all instances. Placement checks the closing
 * time itself, so a late run never lets a late forecast in.
 */
@Component
class MarketCloseJob {

    private static final Logger log = LoggerFactory.getLogger(MarketCloseJob.class);

    private final MarketAdministration markets;

    MarketCloseJob(MarketAdministration markets) {
        this.markets = markets;
    }

    @Scheduled(
            fixedDelayString = "${pilimarket.markets.close-check-interval:PT30S}",
            initialDelayString = "${pilimarket.markets.close-check-interval:PT30S}")
    @SchedulerLock(name = "markets-close-due", lockAtMostFor = "PT5M")
    void closeDue() {
        int closed = markets.closeDue();
        if (closed > 0) {
            log.info("Closed {} markets at their closing time", closed);
        }
    }
}
