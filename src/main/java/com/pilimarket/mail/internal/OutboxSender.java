package com.pilimarket.mail.internal;

import com.pilimarket.shared.platform.DeliveryQueue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due mail from the outbox with the shared {@link DeliveryQueue} loop. Each batch is locked with
 * SKIP LOCKED inside one transaction, so two instances never send the same mail; a failed send is
 * retried after 30 s, 1 min, 2 min … (at most 6 h apart) and given up after {@code maxAttempts}. A mail that the SMTP server accepted but
 * whose row could not be marked is sent again: at-least-once, the usual promise of an outbox.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 20;

    private final OutboxRecords records;
    private final MailTransport transport;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxSender(
            OutboxRecords records,
            MailTransport transport,
            MailProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.records = records;
        this.transport = transport;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${pilimarket.mail.poll-interval:PT2S}",
            initialDelayString = "${pilimarket.mail.poll-interval:PT2S}")
    @SchedulerLock(name = "mail-outbox", lockAtMostFor = "PT5M")
    void run() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.error("Sending the mail outbox failed: {}", e.toString(), e);
        }
    }

    @Scheduled(cron = "0 41 4 * * *")
    @SchedulerLock(name = "mail-outbox-cleanup", lockAtMostFor = "PT10M")
    void deleteOld() {
        int deleted = records.deleteSentBefore(now().minusDays(30));
        if (deleted > 0) {
            log.info("Deleted {} sent mails older than 30 days from the outbox", deleted);
        }
    }

    /** Sends every due mail, batch after batch; returns how many were sent. */
    public int sendDue() {
        JavaMailSender sender = transport.sender().orElse(null);
        if (sender == null) {
            return 0;
        }
        int sent = DeliveryQueue.drain(transactions, BATCH, records, this::now, mail -> send(sender, mail));
        if (sent > 0) {
            log.info("Sent {} mails from the outbox", sent);
        }
        return sent;
    }

    /** Sends one locked mail: marks it sent, or schedules its retry (or gives up); true if sent. */
    private boolean send(JavaMailSender sender, OutboxRecords.Pending mail) {
        try {
            sender.send(message(sender, mail));
            records.markSent(mail.id(), now());
            return true;
        } catch (MailException | MessagingException e) {
            DeliveryQueue.Failure failure =
                    DeliveryQueue.recordFailure(records, mail, e.toString(), true, properties.maxAttempts(), now());
            if (failure.gaveUp()) {
                log.error(
                        "Gave up on {} mail {} after {} attempts: {}",
                        mail.kind(),
                        mail.id(),
                        failure.attempt(),
                        e.toString());
            } else {
                log.warn(
                        "Sending {} mail {} failed (attempt {}): {}",
                        mail.kind(),
                        mail.id(),
                        failure.attempt(),
                        e.toString());
            }
            return false;
        }
    }

    private MimeMessage message(JavaMailSender sender, OutboxRecords.Pending mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        if (mail.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
