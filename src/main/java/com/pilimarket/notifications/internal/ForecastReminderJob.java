package com.pilimarket.notifications.internal;

import com.pilimarket.notifications.NotificationType;
import com.pilimarket.notifications.internal.NotificationRecords.Reminder;
import com.pilimarket.shared.platform.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every 15 minutes (once across instances): reminds users watching a market that closes within 24 h
 * and on which they hold no forecast. Once per user and market ({@code reminder:{market}:{user}}).
 */
@Component
class ForecastReminderJob {

    static final String JOB = "notifications-forecast-reminders";
    static final Duration AHEAD = Duration.ofHours(24);

    private final NotificationRecords records;
    private final Notifier notifier;
    private final Jobs jobs;
    private final Clock clock;

    ForecastReminderJob(NotificationRecords records, Notifier notifier, Jobs jobs, Clock clock) {
        this.records = records;
        this.notifier = notifier;
        this.jobs = jobs;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${pilimarket.notifications.reminder-interval:PT15M}",
            initialDelayString = "${pilimarket.notifications.reminder-initial-delay:PT1M}")
    @SchedulerLock(name = JOB, lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void run() {
        jobs.run(JOB, this::remindDue);
    }

    /** Sends the reminders due now; returns how many were sent. */
    int remindDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (Reminder reminder : records.reminderCandidates(now, now.plus(AHEAD))) {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("market_id", reminder.marketId().toString());
            metadata.put("slug", reminder.slug());
            metadata.put("title", reminder.title());
            metadata.put("title_fil", reminder.titleFil());
            metadata.put("closes_at", reminder.closesAt().toString());
            if (notifier.notify(
                            reminder.userId(),
                            NotificationType.FORECAST_REMINDER,
                            "“" + reminder.title() + "” closes within 24 hours and you have not forecast yet.",
                            metadata,
                            "reminder:" + reminder.marketId() + ":" + reminder.userId())
                    .isPresent()) {
                sent++;
            }
        }
        return sent;
    }
}
