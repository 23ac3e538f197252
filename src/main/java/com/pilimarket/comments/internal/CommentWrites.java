package com.pilimarket.comments.internal;

import com.pilimarket.comments.CommentPosted;
import com.pilimarket.comments.CommentReported;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.OutcomeView;
import com.pilimarket.markets.Position;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Texts;
import com.pilimarket.users.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes comments: post, edit, delete, like and report. Every write checks the writer and the market
 * ({@link CommentRules}) and, for new comments, the per-user rate ({@link CommentRate}). A new comment
 * goes out on the market's live stream after commit.
 */
@Service
class CommentWrites {

    static final Duration EDIT_WINDOW = Duration.ofMinutes(10);
    static final String STREAM_EVENT = "comment";
    private static final int EXCERPT = 140;

    private final CommentRecords records;
    private final CommentRules rules;
    private final CommentRate rate;
    private final CommentViews views;
    private final Markets markets;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    CommentWrites(
            CommentRecords records,
            CommentRules rules,
            CommentRate rate,
            CommentViews views,
            Markets markets,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock) {
        this.records = records;
        this.rules = rules;
        this.rate = rate;
        this.views = views;
        this.markets = markets;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Posts a comment, or a reply when {@code parentId} is set (a reply to a reply joins the same
     * thread: replies are one level deep). Snapshots the author's position in the market.
     */
    @Transactional
    public CommentView post(UUID userId, UUID marketId, String rawBody, UUID parentId) {
        UserAccount author = rules.requireWriter(userId);
        String body = CommentBody.of(rawBody);
        Instant now = clock.instant();
        rate.requireUnderRate(userId, now);
        MarketDetail market = markets.detail(marketId.toString(), userId);
        rules.requireOpenForComments(market, now);
        Comment answered = null;
        UUID threadId = null;
        if (parentId != null) {
            answered = records.find(parentId)
                    .filter(c -> !c.deleted() && c.marketId().equals(marketId))
                    .orElseThrow(() -> ApiException.notFound("Comment"));
            answered.requireVisible();
            threadId = answered.isReply() ? answered.parentId() : answered.id();
        }
        Position position = market.myForecast();
        OutcomeView outcome = position == null
                ? null
                : market.outcomes().stream()
                        .filter(o -> o.id().equals(position.outcomeId()))
                        .findFirst()
                        .orElse(null);
        boolean holds = outcome != null && position.points() > 0;
        Comment comment = records.insert(new CommentRecords.NewComment(
                marketId,
                threadId,
                userId,
                body,
                holds ? outcome.id() : null,
                holds ? outcome.name() : null,
                holds ? CommentViews.blankToNull(outcome.nameFil()) : null,
                holds ? position.points() : null,
                now));
        events.publishEvent(new CommentPosted(
                comment.id(),
                marketId,
                threadId,
                userId,
                author.displayName(),
                answered == null ? null : answered.userId(),
                CommentBody.excerpt(body, EXCERPT),
                now));
        // What every subscriber of the market sees: nobody's like or report yet, the English names.
        String broadcast = json.writeValueAsString(
                CommentViews.view(comment, author, Set.of(), Set.of(), false, null, Language.EN));
        markets.streamAfterCommit(marketId, STREAM_EVENT, () -> broadcast);
        return CommentViews.view(comment, author, Set.of(), Set.of(), false, userId, Texts.current());
    }

    @Transactional
    public CommentView edit(UUID userId, UUID commentId, String rawBody) {
        rules.requireWriter(userId);
        Comment comment = rules.lockExisting(commentId);
        Instant now = clock.instant();
        comment.requireEditableBy(userId, now, EDIT_WINDOW);
        String body = CommentBody.of(rawBody);
        rules.requireOpenForComments(markets.detail(comment.marketId().toString(), null), now);
        records.updateBody(commentId, body, now);
        return views.of(records.find(commentId).orElseThrow(), userId);
    }

    /** Deletes the author's own comment (its text and position; replies to it stay). */
    @Transactional
    public void delete(UUID userId, UUID commentId) {
        rules.requireWriter(userId);
        Comment comment = rules.lockExisting(commentId);
        comment.requireDeletableBy(userId);
        records.markDeleted(commentId, clock.instant());
    }

    /** The caller's like of a comment after a like or unlike (both idempotent). */
    record CommentLike(UUID commentId, int likes, boolean likedByMe) {}

    @Transactional
    public CommentLike like(UUID userId, UUID commentId, boolean like) {
        rules.requireWriter(userId);
        Comment comment = rules.lockExisting(commentId);
        comment.requireVisible();
        rules.requireOpenForComments(markets.detail(comment.marketId().toString(), null), clock.instant());
        int likes = like ? records.like(commentId, userId) : records.unlike(commentId, userId);
        return new CommentLike(commentId, likes, like);
    }

    /** The caller's report of a comment (repeating it changes nothing). */
    record CommentReport(UUID commentId, boolean reportedByMe) {}

    @Transactional
    public CommentReport report(UUID userId, UUID commentId, String rawReason) {
        rules.requireWriter(userId);
        String reason = CommentRules.reason(rawReason);
        Comment comment =
                records.find(commentId).filter(c -> !c.deleted()).orElseThrow(() -> ApiException.notFound("Comment"));
        if (comment.userId().equals(userId)) {
            throw ApiException.invalidState("You cannot report your own comment");
        }
        if (records.report(commentId, userId, reason)) {
            events.publishEvent(new CommentReported(
                    commentId, comment.marketId(), comment.userId(), userId, reason, clock.instant()));
        }
        return new CommentReport(commentId, true);
    }
}
