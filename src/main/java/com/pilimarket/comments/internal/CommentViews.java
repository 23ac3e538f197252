package com.pilimarket.comments.internal;

import com.pilimarket.comments.internal.CommentView.CommentAuthor;
import com.pilimarket.comments.internal.CommentView.CommentPosition;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Texts;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.Users;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a viewer sees of comments: the author, the viewer's likes and reports, the position in the
 * viewer's language, and a hidden comment's text only for moderators and its author.
 */
@Component
class CommentViews {

    private final CommentRecords records;
    private final Users users;

    CommentViews(CommentRecords records, Users users) {
        this.records = records;
        this.users = users;
    }

    CommentView of(Comment comment, UUID viewerId) {
        return of(List.of(comment), viewerId).of(comment);
    }

    /** Builds views of many comments with one lookup each for authors, likes and reports. */
    Views of(List<Comment> comments, UUID viewerId) {
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

    /** The lookups for one viewer, done once for a page of comments. */
    record Views(
            Map<UUID, UserAccount> people,
            Set<UUID> liked,
            Set<UUID> reported,
            boolean moderator,
            UUID viewerId,
            Language language) {

        CommentView of(Comment c) {
            return view(c, people.get(c.userId()), liked, reported, moderator, viewerId, language);
        }
    }

    static CommentView view(
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
                OffsetDateTime.ofInstant(c.editableUntil(CommentWrites.EDIT_WINDOW), ZoneOffset.UTC),
                c.hidden(),
                c.deleted(),
                List.of());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
