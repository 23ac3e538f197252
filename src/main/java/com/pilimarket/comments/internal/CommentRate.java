package com.pilimarket.comments.internal;

import com.pilimarket.shared.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code pilimarket.comments.per-minute} new comments per user in any minute. The count is
 * the user's own comments in the database, read under the writer's lock ({@link
 * CommentRecords#lockWriter}), so two requests at once cannot both take the last slot; no counter
 * elsewhere can drift from what was written.
 */
@Component
class CommentRate {

    static final Duration RATE_WINDOW = Duration.ofMinutes(1);

    private final CommentRecords records;
    private final int perMinute;

    CommentRate(CommentRecords records, @Value("${pilimarket.comments.per-minute:10}") int perMinute) {
        if (perMinute < 1) {
            throw new IllegalStateException("pilimarket.comments.per-minute must be at least 1");
        }
        this.records = records;
        this.perMinute = perMinute;
    }

    /**
     * Takes the user's writer lock until the transaction ends, then refuses with the seconds until a
     * slot frees when the user has written {@code perMinute} comments in the window.
     */
    void requireUnderRate(UUID userId, Instant now) {
        records.lockWriter(userId);
        List<Instant> recent = records.writtenSince(userId, now.minus(RATE_WINDOW));
        if (recent.size() >= perMinute) {
            // A slot frees when the oldest comment that still counts leaves the window.
            Instant frees = recent.get(recent.size() - perMinute).plus(RATE_WINDOW);
            long seconds = Math.max(1, (Duration.between(now, frees).toMillis() + 999) / 1000);
            throw new RateLimitedException(seconds);
        }
    }
}
