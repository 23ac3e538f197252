package com.pilimarket.comments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A reader reported a comment (once per reader); moderation puts it in the review queue. */
public record CommentReported(
        UUID commentId,
        UUID marketId,
        UUID authorId,
        UUID reporterId,
        @Nullable String reason,
        Instant reportedAt) {}
