package com.pilimarket.auth.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Secrets of emailed links: 32 random bytes (base64url) go into the link, only their SHA-256 is
 * stored, so a copy of the database opens no account.
 */
@Repository
class EmailTokens {

    enum Purpose {
        VERIFY_EMAIL("verify_email"),
        PASSWORD_RESET("password_reset"),
        EMAIL_CHANGE("email_change");

        final String value;

        Purpose(String value) {
            this.value = value;
        }
    }

    record Row(UUID id, UUID userId, String purpose, String email, OffsetDateTime expiresAt, OffsetDateTime usedAt) {}

    private final JdbcClient jdbc;

    EmailTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new token and returns the secret for the link. */
    String create(UUID userId, Purpose purpose, String email, OffsetDateTime expiresAt) {
        String token = RefreshTokens.newToken();
        jdbc.sql("""
                        INSERT INTO auth_email_tokens (user_id, purpose, token_hash, email, expires_at)
                        VALUES (:user, :purpose, :hash, :email, :expires)
                        """)
                .param("user", userId)
                .param("purpose", purpose.value)
                .param("hash", RefreshTokens.hash(token))
                .param("email", email)
                .param("expires", expiresAt)
                .update();
        return token;
    }

    /** Locks the token's row: two uses of one link are decided one after the other. */
    Optional<Row> lock(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id, user_id, purpose, email, expires_at, used_at
                        FROM auth_email_tokens WHERE token_hash = :hash AND purpose = :purpose FOR UPDATE
                        """)
                .param("hash", RefreshTokens.hash(token.strip()))
                .param("purpose", purpose.value)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("purpose"),
                        rs.getString("email"),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("used_at", OffsetDateTime.class)))
                .optional();
    }

    void markUsed(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE auth_email_tokens SET used_at = :at WHERE id = :id")
                .param("at", at)
                .param("id", id)
                .update();
    }

    /** Retires every open link of this purpose (a newer one, or the change it was for, made them moot). */
    int retireAll(UUID userId, Purpose purpose, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE auth_email_tokens SET used_at = :at
                        WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL
                        """)
                .param("at", at)
                .param("user", userId)
                .param("purpose", purpose.value)
                .update();
    }

    /** How many links of this purpose were sent to the user since {@code since} (rate limits). */
    int countSince(UUID userId, Purpose purpose, OffsetDateTime since) {
        return jdbc.sql("""
                        SELECT count(*) FROM auth_email_tokens
                        WHERE user_id = :user AND purpose = :purpose AND created_at >= :since
                        """)
                .param("user", userId)
                .param("purpose", purpose.value)
                .param("since", since)
                .query(Integer.class)
                .single();
    }

    /** When the newest link of this purpose was sent. */
    Optional<OffsetDateTime> lastSent(UUID userId, Purpose purpose) {
        return jdbc.sql("""
                        SELECT max(created_at) FROM auth_email_tokens WHERE user_id = :user AND purpose = :purpose
                        """)
                .param("user", userId)
                .param("purpose", purpose.value)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .optional();
    }

    /** Housekeeping: links expired for a week are of no use to anyone. */
    int deleteExpired(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM auth_email_tokens WHERE expires_at < :before")
                .param("before", before)
                .update();
    }
}
