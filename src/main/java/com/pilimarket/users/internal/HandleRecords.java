package com.pilimarket.users.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of handles: whether one is taken, the largest numeric suffix in use, and a user's own change of handle. */
@Repository
public class HandleRecords {

    private final JdbcClient jdbc;

    HandleRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean taken(String handle) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE handle = :handle)")
                .param("handle", handle)
                .query(Boolean.class)
                .single();
    }

    /** The largest numeric suffix (of up to 5 digits) a handle {@code prefix + digits} has, or 1 if none. */
    public long largestSuffix(String prefix) {
        return jdbc.sql("""
                        SELECT coalesce(max(substring(handle FROM :from)::bigint), 1) FROM users
                        WHERE handle LIKE :pattern ESCAPE '\\' AND substring(handle FROM :from) ~ '^[0-9]{1,5}$'
                        """)
                .param("from", prefix.length() + 1)
                .param("pattern", prefix.replace("_", "\\_") + "%")
                .query(Long.class)
                .single();
    }

    /** When the user last changed their handle themself (empty: never). */
    public Optional<OffsetDateTime> lastChangedAt(UUID userId) {
        return jdbc.sql("SELECT handle_changed_at FROM users WHERE id = :id AND handle_changed_at IS NOT NULL")
                .param("id", userId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional();
    }

    public void change(UUID userId, String handle, OffsetDateTime at) {
        jdbc.sql("UPDATE users SET handle = :handle, handle_changed_at = :at, updated_at = now() WHERE id = :id")
                .param("handle", handle)
                .param("at", at)
                .param("id", userId)
                .update();
    }
}
