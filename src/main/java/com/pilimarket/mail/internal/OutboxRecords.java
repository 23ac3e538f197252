package com.pilimarket.mail.internal;

import com.pilimarket.mail.Mail;
import com.pilimarket.shared.platform.OutboxRows;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code mail_outbox} table: pending mail, what was sent, and what failed for good. */
@Repository
public class OutboxRecords implements OutboxRows<OutboxRecords.Pending> {

    private final JdbcClient jdbc;

    OutboxRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Pending(
            UUID id,
            String kind,
            String recipient,
            String subject,
            String text,
            String html,
            String unsubscribeUrl,
            int attempts)
            implements OutboxRows.Row {}

    public void insert(Mail mail) {
        jdbc.sql("""
                        INSERT INTO mail_outbox (kind, recipient, subject, text_body, html_body, unsubscribe_url)
                        VALUES (:kind, :to, :subject, :text, :html, :unsubscribe)
                        """)
                .param("kind", mail.kind())
                .param("to", mail.to())
                .param("subject", mail.subject())
                .param("text", mail.body().text())
                .param("html", mail.body().html())
                .param("unsubscribe", mail.unsubscribeUrl())
                .update();
    }

    /** Locks up to {@code limit} due mails; other instances skip them (SKIP LOCKED) rather than wait. */
    @Override
    public List<Pending> lockDue(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        SELECT id, kind, recipient, subject, text_body, html_body, unsubscribe_url, attempts
                        FROM mail_outbox
                        WHERE status = 'pending' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at, created_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        rs.getString("unsubscribe_url"),
                        rs.getInt("attempts")))
                .list();
    }

    @Override
    public void markSent(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE mail_outbox SET status = 'sent', sent_at = :at, attempts = attempts + 1 WHERE id = :id")
                .param("at", at)
                .param("id", id)
                .update();
    }

    @Override
    public void markFailedAttempt(UUID id, String error, OffsetDateTime nextAttempt, boolean giveUp) {
        jdbc.sql("""
                        UPDATE mail_outbox
                        SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                            status = CASE WHEN :giveUp THEN 'failed' ELSE 'pending' END
                        WHERE id = :id
                        """)
                .param("error", error)
                .param("next", nextAttempt)
                .param("giveUp", giveUp)
                .param("id", id)
                .update();
    }

    /** Housekeeping: sent mail is kept a while for support questions, then deleted. */
    int deleteSentBefore(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM mail_outbox WHERE status = 'sent' AND sent_at < :before")
                .param("before", before)
                .update();
    }
}
