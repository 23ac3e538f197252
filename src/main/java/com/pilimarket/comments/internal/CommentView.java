package com.pilimarket.comments.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment as readers see it. {@code position} is the author's stake in the market when they wrote
 * it (null when they held none). A hidden comment's {@code body} is empty except for moderators and its
 * author; a deleted one (listed only while replies hang off it) has an empty body and no position.
 * {@code replies} are a top-level comment's answers, oldest first (always empty on a reply).
 */
record CommentView(
        UUID id,
        UUID marketId,
        @Nullable UUID parentId,
        CommentAuthor user,
        String body,
        @Nullable CommentPosition position,
        int likes,
        boolean likedByMe,
        boolean reportedByMe,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime editedAt,
        OffsetDateTime editableUntil,
        boolean hidden,
        boolean deleted,
        List<CommentView> replies) {

    /** Who wrote it. */
    record CommentAuthor(
            UUID id,
            String displayName,
            @Nullable String handle,
            @Nullable String avatarUrl) {}

    /** The author's stake when they wrote it: "₱200 on Yes". */
    record CommentPosition(UUID outcomeId, String outcomeName, long points) {}

    CommentView withReplies(List<CommentView> replies) {
        return new CommentView(
                id,
                marketId,
                parentId,
                user,
                body,
                position,
                likes,
                likedByMe,
                reportedByMe,
                createdAt,
                editedAt,
                editableUntil,
                hidden,
                deleted,
                replies);
    }
}
