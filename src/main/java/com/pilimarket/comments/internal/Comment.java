package com.pilimarket.comments.internal;

import com.pilimarket.shared.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored comment and the rules about changing it: only its author edits (within the edit window)
 * or deletes it; a deleted comment is gone for everyone; a hidden one cannot be edited or answered.
 */
record Comment(
        UUID id,
        UUID marketId,
        UUID parentId,
        UUID userId,
        String body,
        UUID positionOutcomeId,
        String positionOutcomeName,
        String positionOutcomeNameFil,
        Long positionPoints,
        int likes,
        boolean hidden,
        OffsetDateTime deletedAt,
        OffsetDateTime createdAt,
        OffsetDateTime editedAt) {

    static final String EDIT_WINDOW_CLOSED = "EDIT_WINDOW_CLOSED";

    boolean deleted() {
        return deletedAt != null;
    }

    boolean isReply() {
        return parentId != null;
    }

    Instant editableUntil(Duration window) {
        return createdAt.toInstant().plus(window);
    }

    /** Refuses an edit by anyone but the author, after the window, or of a hidden comment. */
    void requireEditableBy(UUID userId, Instant now, Duration window) {
        requireAuthor(userId, "You can only edit your own comments");
        if (hidden) {
            throw ApiException.invalidState("This comment was hidden by a moderator");
        }
        if (now.isAfter(editableUntil(window))) {
            throw ApiException.unprocessable(
                    EDIT_WINDOW_CLOSED, "Comments can only be edited within 10 minutes of posting");
        }
    }

    void requireDeletableBy(UUID userId) {
        requireAuthor(userId, "You can only delete your own comments");
    }

    /** A comment that can be replied to, liked or reported: not deleted (404) and not hidden. */
    void requireVisible() {
        if (hidden) {
            throw ApiException.invalidState("This comment was hidden by a moderator");
        }
    }

    private void requireAuthor(UUID userId, String message) {
        if (!this.userId.equals(userId)) {
            throw ApiException.forbidden(message);
        }
    }
}
