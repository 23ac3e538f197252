package com.pilimarket.shared.platform;

import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Durable listeners that failed (a database hiccup, a bug fixed by a redeploy) are retried without a
 * restart: every few minutes, once across all instances, publications still incomplete after
 * {@code pilimarket.events.resubmit-after} are handed to their listeners again. Listeners are
 * idempotent, so a retry of one that is merely slow does no harm.
 */
@Component
class EventResubmissionJob {

    private final IncompleteEventPublications publications;
    private final Jobs jobs;
    private final Duration olderThan;

    EventResubmissionJob(
            IncompleteEventPublications publications,
            Jobs jobs,
            @Value("${pilimarket.events.resubmit-after:PT5M}") Duration olderThan) {
        this.publications = publications;
        this.jobs = jobs;
        this.olderThan = olderThan;
    }

    @Scheduled(
            fixedDelayString = "${pilimarket.events.resubmit-interval:PT5M}",
            initialDelayString = "${pilimarket.events.resubmit-interval:PT5M}")
    @SchedulerLock(name = "events-resubmit", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void resubmit() {
        jobs.run("events-resubmit", () -> publications.resubmitIncompletePublicationsOlderThan(olderThan));
    }
}
