package com.pilimarket.shared.platform;

import java.time.Duration;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The delivery loop of a durable queue table (the mail outbox, the push queue): due rows are locked
 * in batches with {@code FOR UPDATE SKIP LOCKED}, each batch in one transaction, so two instances never
 * deliver the same row; a failed delivery is retried after {@link #retryDelay} (30 s, 1 min, 2 min …,
 * at most 6 h apart) until the queue gives up on it. Each queue keeps its own table and its own idea of
 * success and failure; this class holds what they share.
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
     * Delivers every due row, batch after batch: {@code lockDue} locks up to {@code batchSize} due rows
     * (SKIP LOCKED) and {@code deliver} handles one, marking it delivered or scheduling its retry, and
     * answers whether it was delivered. Returns how many were delivered. A row whose delivery failed
     * must not be due again at once (its retry lies in the future), so a full batch is always followed
     * by other rows and the loop ends.
     */
    public static <T> int drain(
            TransactionTemplate transactions, int batchSize, IntFunction<List<T>> lockDue, Predicate<T> deliver) {
        int delivered = 0;
        while (true) {
            int[] batch = transactions.execute(tx -> {
                List<T> due = lockDue.apply(batchSize);
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
}
