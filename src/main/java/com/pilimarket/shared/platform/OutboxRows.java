package com.pilimarket.shared.platform;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The rows of one durable queue table, as {@link DeliveryQueue} works on them. Each module implements it
 * in its own records class with SQL on its own table (the mail outbox, the push queue), so the loop is
 * shared while no SQL names another module's table.
 */
public interface OutboxRows<T extends OutboxRows.Row> {

    /** What the queue needs to know of a row: which one it is, and how often it was tried. */
    interface Row {
        UUID id();

        int attempts();
    }

    /** Locks up to {@code limit} rows due at {@code now}; other instances skip them (SKIP LOCKED) rather than wait. */
    List<T> lockDue(OffsetDateTime now, int limit);

    /** Marks the row delivered, counting the attempt. */
    void markSent(UUID id, OffsetDateTime at);

    /** Counts a failed attempt: due again at {@code nextAttempt}, or failed for good if {@code giveUp}. */
    void markFailedAttempt(UUID id, String error, OffsetDateTime nextAttempt, boolean giveUp);
}
