package com.pilimarket.comments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the comments module's tables: comments, their likes and reports, and when markets ended. */
@Repository
class CommentRecords {

    private static final String COLUMNS = """
            id, market_id, parent_id, user_id, body, position_outcome_id, position_outcome_name,
            position_outcome_name_fil, position_points, likes, hidden, deleted_at, created_at, edited_at
            """;

    /** A top-level comment is listed unless it was deleted and has no reply left to hold its place. */
    private static final String LISTED_THREAD = """
            market_id = :market AND parent_id IS NULL
            AND (deleted_at IS NULL OR EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id
                                                AND r.deleted_at IS NULL))
            """;

    private final JdbcClient jdbc;

    CommentRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new comment is made of (the position fields are all null when the author holds none). */
    record NewComment(
            UUID marketId,
            UUID parentId,
            UUID userId,
            String body,
            UUID positionOutcomeId,
            String positionOutcomeName,
            String positionOutcomeNameFil,
            Long positionPoints,
            Instant createdAt) {}

    Comment insert(NewComment c) {
        return jdbc.sql("INSERT INTO comments (market_id, parent_id, user_id, body, position_outcome_id,"
                        + " position_outcome_name, position_outcome_name_fil, position_points, created_at)"
                        + " VALUES (:market, :parent, :user, :body, :outcome, :outcomeName, :outcomeNameFil,"
                        + " :points, :created) RETURNING " + COLUMNS)
                .param("market", c.marketId())
                .param("parent", c.parentId())
                .param("user", c.userId())
                .param("body", c.body())
                .param("outcome", c.positionOutcomeId())
                .param("outcomeName", c.positionOutcomeName())
                .param("outcomeNameFil", c.positionOutcomeNameFil())
                .param("points", c.positionPoints())
                .param("created", OffsetDateTime.ofInstant(c.createdAt(), ZoneOffset.UTC))
                .query(CommentRecords::row)
                .single();
    }

    Optional<Comment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE id = :id")
                .param("id", id)
                .query(CommentRecords::row)
                .optional();
    }

    /** The comment, locked until the transaction ends (edits, deletes, moderation). */
    Optional<Comment> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(CommentRecords::row)
                .optional();
    }

    List<Comment> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(CommentRecords::row)
                .list();
    }

    /**
     * Serialises one user's comment writes until the transaction ends, so that concurrent requests
     * cannot each see room under the per-minute limit.
     */
    void lockWriter(UUID userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('comments:' || :user, 0))")
                .param("user", userId.toString())
                .query((rs, n) -> 1)
                .list();
    }

    /** When the user's comments written since {@code since} were written, oldest first. */
    List<Instant> writtenSince(UUID userId, Instant since) {
        return jdbc.sql("SELECT created_at FROM comments WHERE user_id = :user AND created_at > :since"
                        + " ORDER BY created_at")
                .param("user", userId)
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
    }

    long countThreads(UUID marketId) {
        return jdbc.sql("SELECT count(*) FROM comments WHERE " + LISTED_THREAD)
                .param("market", marketId)
                .query(Long.class)
                .single();
    }

    /** One page of a market's top-level comments, newest first or most liked first. */
    List<Comment> threads(UUID marketId, boolean top, int limit, long offset) {
        String order = top ? "likes DESC, created_at DESC, id DESC" : "created_at DESC, id DESC";
        return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE " + LISTED_THREAD + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset")
                .param("market", marketId)
                .param("limit", limit)
                .param("offset", offset)
                .query(CommentRecords::row)
                .list();
    }

    /** The replies (not deleted) to these comments, oldest first. */
    List<Comment> replies(Collection<UUID> parentIds) {
        if (parentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM comments WHERE parent_id = ANY(:ids) AND deleted_at IS NULL"
                        + " ORDER BY created_at, id")
                .param("ids", parentIds.toArray(UUID[]::new))
                .query(CommentRecords::row)
                .list();
    }

    void updateBody(UUID id, String body, Instant at) {
        jdbc.sql("UPDATE comments SET body = :body, edited_at = :at WHERE id = :id")
                .param("id", id)
                .param("body", body)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** Deletes the text and the position snapshot; the row stays while replies hang off it. */
    void markDeleted(UUID id, Instant at) {
        jdbc.sql("""
                        UPDATE comments SET body = '', deleted_at = :at, position_outcome_id = NULL,
                            position_outcome_name = NULL, position_outcome_name_fil = NULL, position_points = NULL
                        WHERE id = :id AND deleted_at IS NULL
                        """)
                .param("id", id)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    void setHidden(UUID id, boolean hidden, UUID moderatorId, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE comments SET hidden = :hidden, hidden_by = :by, hidden_at = :at, hidden_reason = :reason
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("hidden", hidden)
                .param("by", hidden ? moderatorId : null)
                .param("at", hidden ? OffsetDateTime.ofInstant(at, ZoneOffset.UTC) : null)
                .param("reason", hidden ? reason : null)
                .update();
    }

    /** Adds the like unless the user already likes the comment; the comment's likes afterwards. */
    int like(UUID commentId, UUID userId) {
        int added = jdbc.sql("INSERT INTO comment_likes (comment_id, user_id) VALUES (:c, :u) ON CONFLICT DO NOTHING")
                .param("c", commentId)
                .param("u", userId)
                .update();
        return adjustLikes(commentId, added);
    }

    int unlike(UUID commentId, UUID userId) {
        int removed = jdbc.sql("DELETE FROM comment_likes WHERE comment_id = :c AND user_id = :u")
                .param("c", commentId)
                .param("u", userId)
                .update();
        return adjustLikes(commentId, -removed);
    }

    private int adjustLikes(UUID commentId, int change) {
        return jdbc.sql("UPDATE comments SET likes = likes + :change WHERE id = :id RETURNING likes")
                .param("id", commentId)
                .param("change", change)
                .query(Integer.class)
                .single();
    }

    /** Of these comments, the ones the user likes. */
    Set<UUID> likedBy(UUID userId, Collection<UUID> commentIds) {
        return subset("comment_likes", userId, commentIds);
    }

    /** Of these comments, the ones the user reported. */
    Set<UUID> reportedBy(UUID userId, Collection<UUID> commentIds) {
        return subset("comment_reports", userId, commentIds);
    }

    private Set<UUID> subset(String table, UUID userId, Collection<UUID> commentIds) {
        if (userId == null || commentIds.isEmpty()) {
            return Set.of();
        }
        // The table name is one of two constants above, never input.
        return new HashSet<>(
                jdbc.sql("SELECT comment_id FROM " + table + " WHERE user_id = :u AND comment_id = ANY(:ids)")
                        .param("u", userId)
                        .param("ids", commentIds.toArray(UUID[]::new))
                        .query(UUID.class)
                        .list());
    }

    /** Records the user's report of the comment; false when they had reported it already. */
    boolean report(UUID commentId, UUID userId, String reason) {
        return jdbc.sql("INSERT INTO comment_reports (comment_id, user_id, reason) VALUES (:c, :u, :reason)"
                                + " ON CONFLICT DO NOTHING")
                        .param("c", commentId)
                        .param("u", userId)
                        .param("reason", reason)
                        .update()
                == 1;
    }

    Map<UUID, Integer> reportCounts(Collection<UUID> commentIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        if (commentIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT comment_id, count(*) FROM comment_reports WHERE comment_id = ANY(:ids) GROUP BY comment_id")
                .param("ids", commentIds.toArray(UUID[]::new))
                .query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
        return counts;
    }

    /** Remembers when a market was resolved or cancelled (the first time it is told). */
    void recordEnding(UUID marketId, Instant endedAt) {
        jdbc.sql("INSERT INTO comment_market_endings (market_id, ended_at) VALUES (:m, :at) ON CONFLICT DO NOTHING")
                .param("m", marketId)
                .param("at", OffsetDateTime.ofInstant(endedAt, ZoneOffset.UTC))
                .update();
    }

    Optional<Instant> endedAt(UUID marketId) {
        return jdbc.sql("SELECT ended_at FROM comment_market_endings WHERE market_id = :m")
                .param("m", marketId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    private static Comment row(ResultSet rs, int n) throws SQLException {
        return new Comment(
                rs.getObject("id", UUID.class),
                rs.getObject("market_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("body"),
                rs.getObject("position_outcome_id", UUID.class),
                rs.getString("position_outcome_name"),
                rs.getString("position_outcome_name_fil"),
                (Long) rs.getObject("position_points"),
                rs.getInt("likes"),
                rs.getBoolean("hidden"),
                rs.getObject("deleted_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("edited_at", OffsetDateTime.class));
    }
}
