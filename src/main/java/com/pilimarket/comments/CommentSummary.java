package com.pilimarket.comments;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A comment as the moderators' queue shows it: its text (hidden or not), market, author and reports. */
public record CommentSummary(
        UUID id,
        UUID marketId,
        String marketSlug,
        String marketTitle,
        UUID authorId,
        String body,
        boolean hidden,
        boolean deleted,
        int reports,
        OffsetDateTime createdAt) {}
