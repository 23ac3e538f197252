package com.pilimarket.mail;

import com.pilimarket.mail.internal.OutboxRecords;
import com.pilimarket.mail.internal.OutboxSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail module's API. {@link #enqueue} stores a mail in the caller's transaction (so a mail is
 * sent exactly when the change it tells about commits); a scheduled job sends what is due and
 * retries failures with a growing delay.
 */
@Service
public class Outbox {

    private final OutboxRecords records;
    private final OutboxSender sender;

    Outbox(OutboxRecords records, OutboxSender sender) {
        this.records = records;
        this.sender = sender;
    }

    @Transactional
    public void enqueue(Mail mail) {
        records.insert(mail);
    }

    /** Sends every mail due now (the job does this every few seconds); returns how many were sent. */
    public int sendDue() {
        return sender.sendDue();
    }
}
