package com.pilimarket.shared.idempotency;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets idempotency keys after 48 h (the API promises at least 24 h); once an hour, on one instance. */
@Component
class IdempotencyKeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotentRequests requests;

    IdempotencyKeyCleanup(IdempotentRequests requests) {
        this.requests = requests;
    }

    @Scheduled(cron = "0 23 * * * *")
    @SchedulerLock(name = "idempotency-key-cleanup", lockAtMostFor = "PT10M")
    void deleteExpired() {
        int deleted = requests.deleteOlderThanHours(48);
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency keys", deleted);
        }
    }
}
