package com.pilimarket.shared.platform;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries durable event listeners that failed (a settlement whose database connection was cut, a
 * feed write during a database blip): publications still incomplete after
 * {@code pilimarket.events.retry-after} (default 2 min) are resubmitted every
 * {@code pilimarket.events.retry-interval} (default 1 min), on one instance at a time. Without this
 * they would wait for the next restart ({@code pilimarket.events.retry-enabled=false} turns this off;
 * the tests do, so that a retry never moves chips in the middle of another test's snapshot). Listeners are idempotent (settlement by its ledger
 * references), so a retry of one still running elsewhere does no harm.
 */
@Component
@ConditionalOnProperty(name = "pilimarket.events.retry-enabled", havingValue = "true", matchIfMissing = true)
class IncompletePublicationsRetry {

    private static final Logger log = LoggerFactory.getLogger(IncompletePublicationsRetry.class);

    private final IncompleteEventPublications publications;
    private final Duration retryAfter;

    IncompletePublicationsRetry(
            IncompleteEventPublications publications,
            @Value("${pilimarket.events.retry-after:2m}") Duration retryAfter) {
        this.publications = publications;
        this.retryAfter = retryAfter;
    }

    @Scheduled(
            fixedDelayString = "${pilimarket.events.retry-interval:1m}",
            initialDelayString = "${pilimarket.events.retry-interval:1m}")
    @SchedulerLock(name = "event-publication-retry", lockAtMostFor = "PT5M")
    void retry() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(retryAfter);
        } catch (RuntimeException e) {
            log.warn("Could not resubmit incomplete event publications: {}", e.getMessage());
        }
    }
}
