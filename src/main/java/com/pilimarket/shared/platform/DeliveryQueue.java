package com.pilimarket.shared.platform;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery loop of a durable queue table (the mail outbox, the push queue): due rows are locked
 * in batches with {@code FOR UPDATE SKIP LOCKED}, each batch in one transaction, so two instances never
 * deliver the same row; a failed delivery is retried after {@link #retryDelay} (30 s, 1 min, 2 min …,
 * at most 6 h apart) until the queue gives up on it. Each queue keeps its own table (behind
 * {@link OutboxRows}) and its own idea of success and failure; this class holds what they share.
 */
public final class DeliveryQueue {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(6);

    private DeliveryQueue() {}

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (1 → 30 s). */
    public static Duration retryDelay(int attempt) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempt, 1) - 1, 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    /**
     * Delivers every due row, batch after batch (each batch asks {@code now} anew): up to {@code batchSize} due rows are
     * locked (SKIP LOCKED) and {@code deliver} handles one, marking it delivered ({@link
     * OutboxRows#markSent}) or {@link #recordFailure recording its failure}, and answers whether it was
     * delivered. Returns how many were delivered. A row whose delivery failed must not be due again at
     * once (its retry lies in the future), so a full batch is always followed by other rows and the loop
     * ends.
     */
    public static <T extends OutboxRows.Row> int drain(
            TransactionTemplate transactions,
            int batchSize,
            OutboxRows<T> rows,
            Supplier<OffsetDateTime> now,
            Predicate<T> deliver) {
        int delivered = 0;
        while (true) {
            int[] batch = transactions.execute(tx -> {
                List<T> due = rows.lockDue(now.get(), batchSize);
                int ok = 0;
                for (T row : due) {
                    if (deliver.test(row)) {
                        ok++;
                    }
                }
                return new int[] {due.size(), ok};
            });
            if (batch == null) {
                return delivered;
            }
            delivered += batch[1];
            if (batch[0] < batchSize) {
                return delivered;
            }
        }
    }

    /** A failed attempt as recorded: its number (1 for the first) and whether the queue gave up on the row. */
    public record Failure(int attempt, boolean gaveUp) {}

    /**
     * Records a failed delivery of {@code row}: it is retried after {@link #retryDelay} unless the failure
     * is not {@code retryable} or this was attempt {@code maxAttempts}; then it has failed for good. The
     * error is kept to 500 characters, enough to tell what went wrong.
     */
    public static Failure recordFailure(
            OutboxRows<?> rows,
            OutboxRows.Row row,
            String error,
            boolean retryable,
            int maxAttempts,
            OffsetDateTime now) {
        int attempt = row.attempts() + 1;
        boolean giveUp = !retryable || attempt >= maxAttempts;
        String kept = error.length() > 500 ? error.substring(0, 500) : error;
        rows.markFailedAttempt(row.id(), kept, now.plus(retryDelay(attempt)), giveUp);
        return new Failure(attempt, giveUp);
    }
}
