package com.pilimarket.shared.idempotency;

import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.ValidationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for POSTs that move chips: the first successful response under a key is
 * stored with a hash of the request and replayed (same status, same body) for the same key and
 * body; the same key with another body is 409 {@code IDEMPOTENCY_KEY_REUSED}.
 *
 * <p>The key row is inserted in the same transaction as the work itself. A second request with the
 * same key blocks on that insert until the first commits (then replays its response) or rolls back
 * (then runs itself), so a key can never apply twice. Refusals (4xx) roll back with the work and are
 * not stored: they changed nothing, so repeating the request simply asks again.
 */
@Service
public class IdempotentRequests {

    /** The request header clients send. */
    public static final String HEADER = "Idempotency-Key";

    public static final int MAX_KEY_LENGTH = 100;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IdempotentRequests(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Runs {@code action} at most once per {@code (userId, scope, key)}. Without a key it simply runs
     * the action. The action joins this method's transaction.
     */
    @Transactional
    public ResponseEntity<?> execute(
            UUID userId, String scope, String key, Object requestBody, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ValidationException.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String requestHash = hash(requestBody);
        boolean claimed = jdbc.sql("""
                        INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash)
                        VALUES (:user, :scope, :key, :hash)
                        ON CONFLICT (user_id, scope, idem_key) DO NOTHING
                        """)
                        .param("user", userId)
                        .param("scope", scope)
                        .param("key", key)
                        .param("hash", requestHash)
                        .update()
                == 1;
        if (!claimed) {
            return replay(userId, scope, key, requestHash);
        }
        ResponseEntity<?> response = action.get();
        jdbc.sql("""
                        UPDATE idempotency_keys SET response_status = :status, response_body = :body
                        WHERE user_id = :user AND scope = :scope AND idem_key = :key
                        """)
                .param("status", response.getStatusCode().value())
                .param("body", response.getBody() == null ? null : json.writeValueAsString(response.getBody()))
                .param("user", userId)
                .param("scope", scope)
                .param("key", key)
                .update();
        return response;
    }

    /** Deletes keys older than the given number of hours (the API promises at least 24 h). */
    @Transactional
    public int deleteOlderThanHours(int hours) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => :hours)")
                .param("hours", hours)
                .update();
    }

    private record Stored(String requestHash, Integer status, String body) {}

    private ResponseEntity<?> replay(UUID userId, String scope, String key, String requestHash) {
        Optional<Stored> stored = jdbc.sql("""
                        SELECT request_hash, response_status, response_body FROM idempotency_keys
                        WHERE user_id = :user AND scope = :scope AND idem_key = :key
                        """)
                .param("user", userId)
                .param("scope", scope)
                .param("key", key)
                .query((rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)))
                .optional();
        if (stored.isEmpty() || stored.get().status() == null) {
            // Only possible if the row vanished or was written by something else: never guess.
            throw ApiException.conflict(ErrorCodes.CONFLICT, "A request with this Idempotency-Key is in progress");
        }
        if (!stored.get().requestHash().equals(requestHash)) {
            throw ApiException.conflict(
                    ErrorCodes.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used with a different request");
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(stored.get().status());
        if (stored.get().body() == null) {
            return builder.build();
        }
        return builder.contentType(MediaType.APPLICATION_JSON)
                .body(json.readTree(stored.get().body()));
    }

    private String hash(Object requestBody) {
        try {
            byte[] canonical = json.writeValueAsBytes(requestBody);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
