package com.pilimarket.comments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment was written. For a reply, {@code repliedToAuthorId} is the author of the comment it
 * answers (notified unless it is the writer); {@code excerpt} is the start of the text.
 */
public record CommentPosted(
        UUID commentId,
        UUID marketId,
        @Nullable UUID parentId,
        UUID authorId,
        String authorName,
        @Nullable UUID repliedToAuthorId,
        String excerpt,
        Instant postedAt) {}
