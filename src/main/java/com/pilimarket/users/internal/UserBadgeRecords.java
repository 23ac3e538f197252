package com.pilimarket.users.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** SQL that awards badges ({@code user_badges}); {@link UserRecords#badges} reads them for profiles. */
@Repository
public class UserBadgeRecords {

    private final JdbcTemplate template;

    UserBadgeRecords(NamedParameterJdbcTemplate named) {
        this.template = named.getJdbcTemplate();
    }

    /** Inserts the badges not held yet, in one statement; returns those this call inserted. */
    public List<Awarded> awardAll(Map<UUID, Set<String>> badges, Instant at, String metadataJson) {
        List<Object> users = new ArrayList<>();
        List<Object> names = new ArrayList<>();
        badges.forEach((user, set) -> set.forEach(badge -> {
            users.add(user);
            names.add(badge);
        }));
        List<Awarded> awarded = new ArrayList<>();
        if (users.isEmpty()) {
            return awarded;
        }
        template.query(
                con -> {
                    var ps = con.prepareStatement("""
                            INSERT INTO user_badges (user_id, badge, awarded_at, metadata)
                            SELECT u, b, ?, CAST(? AS jsonb) FROM unnest(?::uuid[], ?::text[]) AS t(u, b)
                            ON CONFLICT DO NOTHING
                            RETURNING user_id, badge
                            """);
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setString(2, metadataJson);
                    ps.setArray(3, con.createArrayOf("uuid", users.toArray()));
                    ps.setArray(4, con.createArrayOf("text", names.toArray()));
                    return ps;
                },
                rs -> {
                    awarded.add(new Awarded(rs.getObject(1, UUID.class), rs.getString(2)));
                });
        return awarded;
    }

    /** A badge one statement inserted. */
    public record Awarded(UUID userId, String badge) {}
}
