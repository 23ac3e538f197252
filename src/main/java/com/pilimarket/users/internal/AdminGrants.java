package com.pilimarket.users.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of admin grants and debits (table {@code admin_grants}), for the daily ceiling. */
@Repository
class AdminGrants {

    private final JdbcClient jdbc;

    AdminGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String reference, UUID actorId, UUID targetId, long chips) {
        jdbc.sql("INSERT INTO admin_grants (reference, actor_id, target_id, chips) VALUES (:r, :a, :t, :c)")
                .param("r", reference)
                .param("a", actorId)
                .param("t", targetId)
                .param("c", chips)
                .update();
    }

    /** Chips this admin has granted (positive grants only) on the UTC day of {@code now}. */
    long grantedOn(UUID actorId, Instant now) {
        LocalDate day = now.atOffset(ZoneOffset.UTC).toLocalDate();
        OffsetDateTime start = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                        SELECT coalesce(sum(chips), 0) FROM admin_grants
                        WHERE actor_id = :a AND chips > 0 AND created_at >= :start AND created_at < :end
                        """)
                .param("a", actorId)
                .param("start", start)
                .param("end", start.plusDays(1))
                .query(Long.class)
                .single();
    }
}
