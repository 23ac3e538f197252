package com.pilimarket.auth.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque refresh tokens: 32 random bytes (base64url) handed out once; only their SHA-256 is
 * stored. Tokens of one login form a family; each use rotates to a new token of the family.
 */
@Repository
class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(
            UUID id,
            UUID familyId,
            UUID userId,
            OffsetDateTime expiresAt,
            OffsetDateTime rotatedAt,
            OffsetDateTime revokedAt) {}

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void insert(String token, UUID familyId, UUID userId, OffsetDateTime expiresAt, String ip, String userAgent) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens (family_id, user_id, token_hash, expires_at, ip, user_agent)
                        VALUES (:family, :user, :hash, :expires, :ip, :agent)
                        """)
                .param("family", familyId)
                .param("user", userId)
                .param("hash", hash(token))
                .param("expires", expiresAt)
                .param("ip", ip)
                .param("agent", userAgent)
                .update();
    }

    /** Locks the token's row, so two concurrent uses of one token are decided one after the other. */
    Optional<Row> lock(String token) {
        return jdbc.sql("""
                        SELECT id, family_id, user_id, expires_at, rotated_at, revoked_at
                        FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE
                        """)
                .param("hash", hash(token))
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("rotated_at", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class)))
                .optional();
    }

    void markRotated(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE refresh_tokens SET rotated_at = :at WHERE id = :id")
                .param("at", at)
                .param("id", id)
                .update();
    }

    int revokeFamily(UUID familyId, OffsetDateTime at) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = :family AND revoked_at IS NULL")
                .param("at", at)
                .param("family", familyId)
                .update();
    }

    int revokeAllOf(UUID userId, OffsetDateTime at) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = :at WHERE user_id = :user AND revoked_at IS NULL")
                .param("at", at)
                .param("user", userId)
                .update();
    }

    /** Housekeeping: tokens expired for a day are of no use, not even for reuse detection. */
    int deleteExpired(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :before")
                .param("before", before)
                .update();
    }
}
