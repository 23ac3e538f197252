package com.pilimarket.auth.internal;

import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
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
    private final AccountChanges changes;

    SessionCutoffs(JdbcClient jdbc, AccountChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /**
     * Milliseconds, as the tokens' {@code iat_ms}: a token issued a moment before the cutoff is refused.
     * Recorded as an account change, so that every instance drops its cached cutoff ({@link AccountStatuses}).
     */
    void cutOff(UUID userId, Instant at) {
        changes.record(userId);
        jdbc.sql("""
                        INSERT INTO auth_session_cutoffs (user_id, not_before) VALUES (:user, :at)
                        ON CONFLICT (user_id) DO UPDATE SET not_before = excluded.not_before
                        """)
                .param("user", userId)
                .param("at", at.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * An account's status, role and session cutoff in one round trip: the users module's published view
     * joined with this module's cutoffs ({@link AccountStatuses} reads it for most authenticated requests).
     * Empty when the account does not exist.
     */
    Optional<AccountStatuses.Snapshot> snapshot(UUID userId) {
        return jdbc.sql("""
                        SELECT u.status, u.role, c.not_before FROM user_view u
                        LEFT JOIN auth_session_cutoffs c ON c.user_id = u.id WHERE u.id = :user
                        """)
                .param("user", userId)
                .query((rs, n) -> {
                    OffsetDateTime notBefore = rs.getObject("not_before", OffsetDateTime.class);
                    return new AccountStatuses.Snapshot(
                            UserStatus.of(rs.getString("status")),
                            UserRole.of(rs.getString("role")),
                            notBefore == null ? null : notBefore.toInstant());
                })
                .optional();
    }
}
