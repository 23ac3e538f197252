package com.pilimarket.comments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A moderator hid ({@code hidden}) or restored a comment; hiding settles its open reports. */
public record CommentModerated(
        UUID commentId,
        boolean hidden,
        UUID moderatorId,
        @Nullable String reason,
        Instant moderatedAt) {}
