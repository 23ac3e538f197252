package com.pilimarket.comments.internal;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.comments.CommentModerated;
import com.pilimarket.shared.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Moderators hide and restore comments; every change is audited and published. */
@Service
class CommentModeration {

    private final CommentRecords records;
    private final CommentRules rules;
    private final CommentViews views;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentModeration(
            CommentRecords records,
            CommentRules rules,
            CommentViews views,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.rules = rules;
        this.views = views;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Hides or restores a comment (moderators); audited, and a hide settles the comment's open reports. */
    @Transactional
    public CommentView moderate(UUID moderatorId, UUID commentId, boolean hide, String rawReason) {
        String reason = CommentRules.reason(rawReason);
        Comment comment = rules.lockExisting(commentId);
        if (comment.hidden() == hide) {
            throw ApiException.invalidState(hide ? "This comment is already hidden" : "This comment is not hidden");
        }
        Instant now = clock.instant();
        records.setHidden(commentId, hide, moderatorId, reason, now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("market_id", comment.marketId().toString());
        details.put("author_id", comment.userId().toString());
        details.put("reason", reason);
        audit.record(moderatorId, hide ? "comment.hide" : "comment.restore", "comment", commentId.toString(), details);
        events.publishEvent(new CommentModerated(commentId, hide, moderatorId, reason, now));
        return views.of(records.find(commentId).orElseThrow(), moderatorId);
    }
}
