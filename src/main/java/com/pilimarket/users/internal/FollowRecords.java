package com.pilimarket.users.internal;

import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.users.FollowCounts;
import com.pilimarket.users.FollowedUser;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code follows} table. */
@Repository
public class FollowRecords {

    private final JdbcClient jdbc;

    FollowRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the follow is new (following twice changes nothing). */
    public boolean insert(UUID follower, UUID followee) {
        return jdbc.sql("INSERT INTO follows (follower_id, followee_id) VALUES (:follower, :followee)"
                                + " ON CONFLICT DO NOTHING")
                        .param("follower", follower)
                        .param("followee", followee)
                        .update()
                == 1;
    }

    public boolean delete(UUID follower, UUID followee) {
        return jdbc.sql("DELETE FROM follows WHERE follower_id = :follower AND followee_id = :followee")
                        .param("follower", follower)
                        .param("followee", followee)
                        .update()
                == 1;
    }

    public long followingCount(UUID follower) {
        return jdbc.sql("SELECT count(*) FROM follows WHERE follower_id = :id")
                .param("id", follower)
                .query(Long.class)
                .single();
    }

    public FollowCounts counts(UUID userId, UUID viewer) {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM follows WHERE followee_id = :id),
                               (SELECT count(*) FROM follows WHERE follower_id = :id),
                               EXISTS (SELECT 1 FROM follows WHERE follower_id = :viewer AND followee_id = :id)
                        """)
                .param("id", userId)
                .param("viewer", viewer)
                .query((rs, n) -> new FollowCounts(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                .single();
    }

    /** Everyone {@code follower} follows (the activity module's following feed). */
    public List<UUID> followeeIds(UUID follower) {
        return jdbc.sql("SELECT followee_id FROM follows WHERE follower_id = :id")
                .param("id", follower)
                .query(UUID.class)
                .list();
    }

    public Page<FollowedUser> followers(UUID userId, PageQuery page) {
        return list("followee_id", "follower_id", userId, page);
    }

    public Page<FollowedUser> following(UUID userId, PageQuery page) {
        return list("follower_id", "followee_id", userId, page);
    }

    private Page<FollowedUser> list(String ofColumn, String otherColumn, UUID userId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM follows WHERE " + ofColumn + " = :id")
                .param("id", userId)
                .query(Long.class)
                .single();
        List<FollowedUser> rows = jdbc.sql("SELECT u.id, u.display_name, u.handle, u.avatar_url, f.created_at"
                        + " FROM follows f JOIN users u ON u.id = f." + otherColumn
                        + " WHERE f." + ofColumn + " = :id ORDER BY f.created_at DESC, u.id"
                        + " LIMIT :limit OFFSET :offset")
                .param("id", userId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query((rs, n) -> new FollowedUser(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
        return Page.of(rows, page, total);
    }
}
