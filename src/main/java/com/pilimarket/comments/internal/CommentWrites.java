package com.pilimarket.comments.internal;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.comments.CommentModerated;
import com.pilimarket.comments.CommentPosted;
import com.pilimarket.comments.CommentReported;
import com.pilimarket.comments.CommentSummary;
import com.pilimarket.comments.internal.CommentView.CommentAuthor;
import com.pilimarket.comments.internal.CommentView.CommentPosition;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.OutcomeView;
import com.pilimarket.markets.Position;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.RateLimitedException;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.Texts;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads comments. Every write checks the writer (active account), the market (comments of
 * a resolved or cancelled market stay writable for {@link #OPEN_AFTER_END}, then are read-only) and,
 * for new comments, the per-user rate. A new comment goes out on the market's live stream after commit.
 */
@Service
public class CommentService {

    static final Duration EDIT_WINDOW = Duration.ofMinutes(10);
    static final Duration OPEN_AFTER_END = Duration.ofDays(7);
    static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    static final String COMMENTS_CLOSED = "COMMENTS_CLOSED";
    static final String STREAM_EVENT = "comment";
    private static final int EXCERPT = 140;

    private final CommentRecords records;
    private final Markets markets;
    private final Users users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final int perMinute;

    CommentService(
            CommentRecords records,
            Markets markets,
            Users users,
            AuditLog audit,
            ApplicationEventPublisher events,
            JsonMapper json,
            Clock clock,
            @Value("${pilimarket.comments.per-minute:10}") int perMinute) {
        if (perMinute < 1) {
            throw new IllegalStateException("pilimarket.comments.per-minute must be at least 1");
        }
        this.records = records;
        this.markets = markets;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.perMinute = perMinute;
    }

    // ------------------------------------------------------------------ reading

    /** A page of the market's threads (top-level comments with their replies), {@code new} or {@code top} first. */
    @Transactional(readOnly = true)
    public Page<CommentView> list(UUID marketId, String sort, PageQuery page, UUID viewerId) {
        boolean top = parseSort(sort);
        if (!markets.refs(List.of(marketId)).containsKey(marketId)) {
            throw ApiException.notFound("Market");
        }
        long total = records.countThreads(marketId);
        List<Comment> threads = records.threads(marketId, top, page.limit(), page.offset());
        List<Comment> replies =
                records.replies(threads.stream().map(Comment::id).toList());
        List<Comment> all = new ArrayList<>(threads);
        all.addAll(replies);
        Views views = views(all, viewerId);
        Map<UUID, List<CommentView>> byParent = new HashMap<>();
        for (Comment reply : replies) {
            byParent.computeIfAbsent(reply.parentId(), k -> new ArrayList<>()).add(views.of(reply));
        }
        List<CommentView> items = threads.stream()
                .map(t -> views.of(t).withReplies(byParent.getOrDefault(t.id(), List.of())))
                .toList();
        return Page.of(items, page, total);
    }

    private static boolean parseSort(String sort) {
        if (sort == null || sort.isBlank()) {
            return false;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "new" -> false;
            case "top" -> true;
            default -> throw ValidationException.of("sort", "must be new or top");
        };
    }

    @Transactional(readOnly = true)
    public Map<UUID, CommentSummary> summaries(Collection<UUID> commentIds) {
        List<Comment> comments = records.findAll(commentIds);
        Map<UUID, MarketRef> refs =
                markets.refs(comments.stream().map(Comment::marketId).distinct().toList());
        Map<UUID, Integer> reports =
                records.reportCounts(comments.stream().map(Comment::id).toList());
        Map<UUID, CommentSummary> result = new LinkedHashMap<>();
        for (Comment c : comments) {
            MarketRef market = refs.get(c.marketId());
            result.put(
                    c.id(),
                    new CommentSummary(
                            c.id(),
                            c.marketId(),
                            market == null ? null : market.slug(),
                            market == null ? null : market.title(),
                            c.userId(),
                            c.body(),
                            c.hidden(),
                            c.deleted(),
                            reports.getOrDefault(c.id(), 0),
                            c.createdAt()));
        }
        return result;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Posts a comment, or a reply when {@code parentId} is set (a reply to a reply joins the same
     * thread: replies are one level deep). Snapshots the author's position in the market.
     */
    @Transactional
    public CommentView post(UUID userId, UUID marketId, String rawBody, UUID parentId) {
        UserAccount author = requireWriter(userId);
        String body = CommentBody.of(rawBody);
        Instant now = clock.instant();
        records.lockWriter(userId);
        requireUnderRate(userId, now);
        MarketDetail market = markets.detail(marketId.toString(), userId);
        requireOpenForComments(market, now);
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
                holds ? blankToNull(outcome.nameFil()) : null,
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
        String broadcast = json.writeValueAsString(view(comment, author, Set.of(), Set.of(), false, null, Language.EN));
        markets.streamAfterCommit(marketId, STREAM_EVENT, () -> broadcast);
        return view(comment, author, Set.of(), Set.of(), false, userId, Texts.current());
    }

    @Transactional
    public CommentView edit(UUID userId, UUID commentId, String rawBody) {
        requireWriter(userId);
        Comment comment = lockExisting(commentId);
        Instant now = clock.instant();
        comment.requireEditableBy(userId, now, EDIT_WINDOW);
        String body = CommentBody.of(rawBody);
        requireOpenForComments(markets.detail(comment.marketId().toString(), null), now);
        records.updateBody(commentId, body, now);
        return viewOf(records.find(commentId).orElseThrow(), userId);
    }

    /** Deletes the author's own comment (its text and position; replies to it stay). */
    @Transactional
    public void delete(UUID userId, UUID commentId) {
        requireWriter(userId);
        Comment comment = lockExisting(commentId);
        comment.requireDeletableBy(userId);
        records.markDeleted(commentId, clock.instant());
    }

    /** The caller's like of a comment after a like or unlike (both idempotent). */
    record CommentLike(UUID commentId, int likes, boolean likedByMe) {}

    @Transactional
    public CommentLike like(UUID userId, UUID commentId, boolean like) {
        requireWriter(userId);
        Comment comment = lockExisting(commentId);
        comment.requireVisible();
        requireOpenForComments(markets.detail(comment.marketId().toString(), null), clock.instant());
        int likes = like ? records.like(commentId, userId) : records.unlike(commentId, userId);
        return new CommentLike(commentId, likes, like);
    }

    /** The caller's report of a comment (repeating it changes nothing). */
    record CommentReport(UUID commentId, boolean reportedByMe) {}

    @Transactional
    public CommentReport report(UUID userId, UUID commentId, String rawReason) {
        requireWriter(userId);
        String reason = Text.cleanLine(rawReason);
        if (reason != null && reason.isEmpty()) {
            reason = null;
        }
        if (reason != null && reason.codePointCount(0, reason.length()) > 500) {
            throw ValidationException.of("reason", "must be at most 500 characters");
        }
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

    /** Hides or restores a comment (moderators); audited, and a hide settles the comment's open reports. */
    @Transactional
    public CommentView moderate(UUID moderatorId, UUID commentId, boolean hide, String rawReason) {
        String reason = Text.cleanLine(rawReason);
        if (reason != null && reason.isEmpty()) {
            reason = null;
        }
        if (reason != null && reason.codePointCount(0, reason.length()) > 500) {
            throw ValidationException.of("reason", "must be at most 500 characters");
        }
        Comment comment = lockExisting(commentId);
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
        return viewOf(records.find(commentId).orElseThrow(), moderatorId);
    }

    /** From MarketResolved / MarketCancelled: the 7-day window of a market's comments starts then. */
    @Transactional
    public void recordEnding(UUID marketId, Instant endedAt) {
        records.recordEnding(marketId, endedAt);
    }

    // ------------------------------------------------------------------ rules

    private UserAccount requireWriter(UUID userId) {
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

    private void requireUnderRate(UUID userId, Instant now) {
        List<Instant> recent = records.writtenSince(userId, now.minus(RATE_WINDOW));
        if (recent.size() >= perMinute) {
            // A slot frees when the oldest comment that still counts leaves the window.
            Instant frees = recent.get(recent.size() - perMinute).plus(RATE_WINDOW);
            long seconds = Math.max(1, (Duration.between(now, frees).toMillis() + 999) / 1000);
            throw new RateLimitedException(seconds);
        }
    }

    private void requireOpenForComments(MarketDetail market, Instant now) {
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

    private Comment lockExisting(UUID commentId) {
        return records.lock(commentId).filter(c -> !c.deleted()).orElseThrow(() -> ApiException.notFound("Comment"));
    }

    // ------------------------------------------------------------------ views

    private CommentView viewOf(Comment comment, UUID viewerId) {
        return views(List.of(comment), viewerId).of(comment);
    }

    /** Builds views of many comments with one lookup each for authors, likes and reports. */
    private Views views(List<Comment> comments, UUID viewerId) {
        Set<UUID> ids = new HashSet<>();
        Set<UUID> authors = new HashSet<>();
        for (Comment c : comments) {
            ids.add(c.id());
            authors.add(c.userId());
        }
        if (viewerId != null) {
            authors.add(viewerId);
        }
        Map<UUID, UserAccount> people = users.findAll(authors);
        UserAccount viewer = viewerId == null ? null : people.get(viewerId);
        boolean moderator = viewer != null
                && viewer.status() == UserStatus.ACTIVE
                && viewer.role().atLeast(UserRole.MODERATOR);
        return new Views(
                people,
                records.likedBy(viewerId, ids),
                records.reportedBy(viewerId, ids),
                moderator,
                viewerId,
                Texts.current());
    }

    private final class Views {
        private final Map<UUID, UserAccount> people;
        private final Set<UUID> liked;
        private final Set<UUID> reported;
        private final boolean moderator;
        private final UUID viewerId;
        private final Language language;

        Views(
                Map<UUID, UserAccount> people,
                Set<UUID> liked,
                Set<UUID> reported,
                boolean moderator,
                UUID viewerId,
                Language language) {
            this.people = people;
            this.liked = liked;
            this.reported = reported;
            this.moderator = moderator;
            this.viewerId = viewerId;
            this.language = language;
        }

        CommentView of(Comment c) {
            return view(c, people.get(c.userId()), liked, reported, moderator, viewerId, language);
        }
    }

    private static CommentView view(
            Comment c,
            UserAccount author,
            Set<UUID> liked,
            Set<UUID> reported,
            boolean moderator,
            UUID viewerId,
            Language language) {
        boolean showBody = !c.hidden() || moderator || c.userId().equals(viewerId);
        CommentPosition position = c.positionOutcomeId() == null
                ? null
                : new CommentPosition(
                        c.positionOutcomeId(),
                        language == Language.FIL && c.positionOutcomeNameFil() != null
                                ? c.positionOutcomeNameFil()
                                : c.positionOutcomeName(),
                        c.positionPoints());
        CommentAuthor user = author == null
                ? new CommentAuthor(c.userId(), "?", null, null)
                : new CommentAuthor(
                        author.id(), author.displayName(), author.handle(), blankToNull(author.avatarUrl()));
        return new CommentView(
                c.id(),
                c.marketId(),
                c.parentId(),
                user,
                c.deleted() || !showBody ? "" : c.body(),
                c.deleted() ? null : position,
                c.likes(),
                liked.contains(c.id()),
                reported.contains(c.id()),
                c.createdAt().withOffsetSameInstant(ZoneOffset.UTC),
                c.editedAt() == null ? null : c.editedAt().withOffsetSameInstant(ZoneOffset.UTC),
                OffsetDateTime.ofInstant(c.editableUntil(EDIT_WINDOW), ZoneOffset.UTC),
                c.hidden(),
                c.deleted(),
                List.of());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
