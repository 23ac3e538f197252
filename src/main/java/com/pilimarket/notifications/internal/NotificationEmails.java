package com.pilimarket.notifications.internal;

import com.pilimarket.mail.Mail;
import com.pilimarket.mail.MailBody;
import com.pilimarket.mail.Outbox;
import com.pilimarket.mail.SignedLinks;
import com.pilimarket.notifications.NotificationPreferences;
import com.pilimarket.notifications.NotificationView;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Texts;
import com.pilimarket.shared.platform.Jobs;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Market results (with the payout) and closing-soon reminders by email, as each user chose: one
 * mail per notification ({@code instant}, every minute) or a weekly digest (the default, Monday
 * morning Manila time). Only verified addresses get mail; every mail carries a signed one-click
 * unsubscribe. A notification is marked emailed in the transaction that puts its mail in the
 * outbox, so it is mailed once; one older than a week is never mailed.
 */
@Component
class NotificationEmails {

    static final String INSTANT_JOB = "notifications-email-instant";
    static final String DIGEST_JOB = "notifications-email-digest";
    static final String UNSUBSCRIBE = "unsubscribe-notification-email";
    static final Duration WINDOW = Duration.ofDays(7);
    private static final int BATCH = 500;

    private final NotificationRecords records;
    private final NotificationTexts notificationTexts;
    private final Texts texts;
    private final Users users;
    private final Outbox outbox;
    private final SignedLinks links;
    private final TransactionTemplate transactions;
    private final Jobs jobs;
    private final Clock clock;
    private final String appBaseUrl;

    NotificationEmails(
            NotificationRecords records,
            NotificationTexts notificationTexts,
            Texts texts,
            Users users,
            Outbox outbox,
            SignedLinks links,
            TransactionTemplate transactions,
            Jobs jobs,
            Clock clock,
            @Value("${pilimarket.mail.app-base-url:http://localhost:8080}") String appBaseUrl) {
        this.records = records;
        this.notificationTexts = notificationTexts;
        this.texts = texts;
        this.users = users;
        this.outbox = outbox;
        this.links = links;
        this.transactions = transactions;
        this.jobs = jobs;
        this.clock = clock;
        this.appBaseUrl = appBaseUrl.replaceAll("/+$", "");
    }

    @Scheduled(
            fixedDelayString = "${pilimarket.notifications.email-interval:PT1M}",
            initialDelayString = "${pilimarket.notifications.email-initial-delay:PT1M}")
    @SchedulerLock(name = INSTANT_JOB, lockAtMostFor = "PT10M")
    public void runInstant() {
        if (!records.toEmail(NotificationPreferences.INSTANT, now().minus(WINDOW), 1)
                .isEmpty()) {
            jobs.run(INSTANT_JOB, this::sendInstant);
        }
    }

    @Scheduled(cron = "${pilimarket.notifications.digest-cron:0 0 8 * * MON}", zone = "Asia/Manila")
    @SchedulerLock(name = DIGEST_JOB, lockAtMostFor = "PT30M")
    public void runDigest() {
        jobs.run(DIGEST_JOB, this::sendDigests);
    }

    /** One mail per waiting notification of users who chose instant; returns how many mails. */
    int sendInstant() {
        return send(NotificationPreferences.INSTANT, false);
    }

    /** One digest per user who chose weekly and has something waiting; returns how many mails. */
    int sendDigests() {
        return send(NotificationPreferences.WEEKLY, true);
    }

    private int send(String frequency, boolean digest) {
        int mails = 0;
        while (true) {
            Integer sent = transactions.execute(tx -> {
                List<NotificationRecords.ToEmail> waiting = records.toEmail(frequency, now().minus(WINDOW), BATCH);
                if (waiting.isEmpty()) {
                    return -1;
                }
                Map<UUID, List<NotificationView>> byUser = new LinkedHashMap<>();
                waiting.forEach(w -> byUser.computeIfAbsent(w.userId(), k -> new ArrayList<>())
                        .add(w.view()));
                Map<UUID, UserAccount> accounts = users.findAll(byUser.keySet());
                Map<UUID, Language> languages = users.savedLanguages(byUser.keySet());
                int count = 0;
                List<UUID> handled = new ArrayList<>();
                for (Map.Entry<UUID, List<NotificationView>> entry : byUser.entrySet()) {
                    UserAccount user = accounts.get(entry.getKey());
                    // Handled either way: an unverified address gets no mail, and no pile-up later.
                    entry.getValue().forEach(v -> handled.add(v.id()));
                    if (user == null || !user.emailVerified()) {
                        continue;
                    }
                    Language language = languages.getOrDefault(user.id(), Language.EN);
                    if (digest) {
                        outbox.enqueue(digest(user, entry.getValue(), language));
                        count++;
                    } else {
                        for (NotificationView view : entry.getValue()) {
                            outbox.enqueue(single(user, view, language));
                            count++;
                        }
                    }
                }
                records.markEmailed(handled, now());
                return count;
            });
            if (sent == null || sent < 0) {
                return mails;
            }
            mails += sent;
        }
    }

    private Mail single(UserAccount user, NotificationView view, Language language) {
        NotificationTexts.Rendered text = render(view, language);
        MailBody.Builder body = MailBody.builder().heading(text.title()).paragraph(text.message());
        body.button(texts.get(language, "mail.notification.open"), appBaseUrl + linkOf(view));
        return withFooter(user, body, language, text.title());
    }

    private Mail digest(UserAccount user, List<NotificationView> views, Language language) {
        MailBody.Builder body = MailBody.builder()
                .heading(texts.get(language, "mail.digest.heading", user.displayName()))
                .paragraph(texts.get(language, "mail.digest.intro", views.size()));
        for (NotificationView view : views) {
            NotificationTexts.Rendered text = render(view, language);
            body.paragraph(text.title() + " — " + text.message());
        }
        body.button(texts.get(language, "mail.digest.open"), appBaseUrl + "/notifications");
        return withFooter(user, body, language, texts.get(language, "mail.digest.subject", views.size()));
    }

    private Mail withFooter(UserAccount user, MailBody.Builder body, Language language, String subject) {
        String token = links.sign(UNSUBSCRIBE, user.id());
        body.note(texts.get(language, "mail.notification.why"))
                .button(
                        texts.get(language, "mail.notification.unsubscribe"),
                        appBaseUrl + "/unsubscribe?token=" + token)
                .note(texts.get(language, "mail.footer"));
        return Mail.of("notification", user.email(), subject, body.build())
                .withUnsubscribe(appBaseUrl + "/api/v1/email/unsubscribe?token=" + token);
    }

    private NotificationTexts.Rendered render(NotificationView view, Language language) {
        NotificationTexts.Rendered text =
                notificationTexts.render(view.type(), view.metadata(), view.message(), language);
        String title = text.title() == null ? texts.get(language, "mail.notification.title") : text.title();
        return new NotificationTexts.Rendered(title, text.message());
    }

    private static String linkOf(NotificationView view) {
        return view.link() != null ? view.link() : "/notifications";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
