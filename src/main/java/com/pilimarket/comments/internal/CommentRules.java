package com.pilimarket.comments.internal;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The checks every comment write makes: the writer's account is active, the comment exists, and the
 * market still takes comments (a resolved or cancelled market's stay writable for {@link
 * #OPEN_AFTER_END}, then are read-only).
 */
@Component
class CommentRules {

    static final Duration OPEN_AFTER_END = Duration.ofDays(7);
    static final String COMMENTS_CLOSED = "COMMENTS_CLOSED";

    private final CommentRecords records;
    private final Users users;

    CommentRules(CommentRecords records, Users users) {
        this.records = records;
        this.users = users;
    }

    UserAccount requireWriter(UUID userId) {
        UserAccount user = users.require(userId);
        if (user.status() == UserStatus.BANNED) {
            throw ApiException.forbidden(ErrorCodes.ACCOUNT_BANNED, "This account is banned");
        }
        if (user.status() == UserStatus.SUSPENDED) {
            throw ApiException.forbidden(
                    ErrorCodes.ACCOUNT_SUSPENDED, "This account is suspended: it can read but not change anything");
        }
        return user;
    }

    void requireOpenForComments(MarketDetail market, Instant now) {
        if (!MarketStatus.of(market.status()).isFinal()) {
            return;
        }
        Instant ended = records.endedAt(market.id())
                .orElseGet(() -> market.resolution() != null
                        ? market.resolution().createdAt().toInstant()
                        // Not recorded yet (the event is on its way): it has only just ended.
                        : now);
        if (now.isAfter(ended.plus(OPEN_AFTER_END))) {
            throw ApiException.unprocessable(
                    COMMENTS_CLOSED, "Comments on this market closed 7 days after it ended; they are read-only now");
        }
    }

    /** Locks the comment for a change; a deleted one is not found. */
    Comment lockExisting(UUID commentId) {
        return records.lock(commentId).filter(c -> !c.deleted()).orElseThrow(() -> ApiException.notFound("Comment"));
    }

    /** A report's or a moderator's reason: one line of at most 500 characters; blank is none. */
    static String reason(String raw) {
        String reason = Text.cleanLine(raw);
        if (reason != null && reason.isEmpty()) {
            reason = null;
        }
        if (reason != null && reason.codePointCount(0, reason.length()) > 500) {
            throw ValidationException.of("reason", "must be at most 500 characters");
        }
        return reason;
    }
}
