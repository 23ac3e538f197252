package com.pilimarket.moderation.internal;

import com.pilimarket.comments.CommentModerated;
import com.pilimarket.comments.CommentReported;
import com.pilimarket.moderation.internal.Finding.Repeat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reported comments in the review queue: a report raises a {@code comment_reported} flag on the
 * comment (one open flag however many readers report it; the comments module counts them), concerning
 * its author's account; a moderator hiding the comment settles its open flags.
 */
@Component
class CommentReports {

    static final String RULE = "comment_reported";

    private final Flagging flagging;

    CommentReports(Flagging flagging) {
        this.flagging = flagging;
    }

    @ApplicationModuleListener
    void on(CommentReported event) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("market_id", event.marketId().toString());
        evidence.put("reporter_id", event.reporterId().toString());
        evidence.put("reason", event.reason());
        flagging.raise(List.of(new Finding(
                SubjectType.COMMENT, event.commentId(), event.authorId(), RULE, evidence, Repeat.UNLESS_OPEN)));
    }

    @ApplicationModuleListener
    void on(CommentModerated event) {
        if (event.hidden()) {
            flagging.clearSubject(
                    SubjectType.COMMENT,
                    event.commentId(),
                    event.moderatorId(),
                    event.reason() == null ? "Comment hidden" : "Comment hidden: " + event.reason());
        }
    }
}
