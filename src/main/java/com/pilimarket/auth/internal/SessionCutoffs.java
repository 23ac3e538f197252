package com.pilimarket.auth.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per account: access tokens issued before this instant are refused (see {@link AccountStatusFilter}). */
@Repository
class SessionCutoffs {

    private final JdbcClient jdbc;

    SessionCutoffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Milliseconds, as the tokens' {@code iat_ms}: a token issued a moment before the cutoff is refused. */
    void cutOff(UUID userId, Instant at) {
        jdbc.sql("""
                        INSERT INTO auth_session_cutoffs (user_id, not_before) VALUES (:user, :at)
                        ON CONFLICT (user_id) DO UPDATE SET not_before = excluded.not_before
                        """)
                .param("user", userId)
                .param("at", at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Instant> notBefore(UUID userId) {
        return jdbc.sql("SELECT not_before FROM auth_session_cutoffs WHERE user_id = :user")
                .param("user", userId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }
}
