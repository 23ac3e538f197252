package com.pilimarket.shared.idempotency;

import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Uuids;
import com.pilimarket.shared.ValidationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for POSTs that move chips: the first successful response under a key is
 * stored with a hash of the request and replayed (same status, same body) for the same key and
 * body; the same key with another body is 409 {@code IDEMPOTENCY_KEY_REUSED}.
 *
 * <p>The key is locked (a transaction-scoped advisory lock) and its row written with the response, in
 * the same transaction as the work itself. A second request with the same key waits for that lock
 * until the first commits (then replays its response) or rolls back (then runs itself), so a key can
 * never apply twice. Refusals (4xx) roll back with the work and are not stored: they changed nothing,
 * so repeating the request simply asks again.
 */
@Service
public class IdempotentRequests {

    /** The request header clients send. */
    public static final String HEADER = "Idempotency-Key";

    public static final int MAX_KEY_LENGTH = 100;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    IdempotentRequests(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
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
        KeyedRequest request = new KeyedRequest(userId, key, requestBody);
        if (!claimAll(scope, List.of(request))[0]) {
            return replay(userId, scope, key, hash(requestBody));
        }
        ResponseEntity<?> response = action.get();
        storeAll(scope, List.of(request), List.of(response));
        return response;
    }

    /** One request under a key, for the batch methods below: who sent it, its key and its body. */
    public record KeyedRequest(UUID userId, String key, Object requestBody) {

        boolean hasValidKey() {
            return key != null && !key.isBlank() && key.length() <= MAX_KEY_LENGTH;
        }
    }

    /**
     * For work applied in batches (group commit): claims the keys of many requests in the caller's
     * transaction, as {@link #execute} claims one. Answers, per request, whether its key was claimed; a
     * request whose key was not (used before, or not a valid key) must go through {@link #execute} on
     * its own, which replays or refuses it. The caller then stores each claimed request's response with
     * {@link #storeAll} in the same transaction as the work; a claim it does not store (the work was
     * refused, or is left to {@link #execute}) leaves nothing behind.
     *
     * <p>A claim is a transaction-scoped advisory lock on the key, then a look for its row: a request
     * with the same key in another transaction waits for the lock until this one ends, then finds the
     * row (and replays it) or none (and runs itself). The row is written once, with its response, by
     * {@link #storeAll}. Inserting the row as the claim and updating it with the response wrote it twice,
     * and the update seldom fit the row's page (about 500 bytes more per row), so it was not HOT:
     * a second heap tuple and two more index entries per placement (docs/PERFORMANCE.md).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean[] claimAll(String scope, List<KeyedRequest> requests) {
        // Locked in (user, key) order, so two batches sharing keys wait for each other, never deadlock;
        // users in PostgreSQL's order, as everywhere rows are locked.
        List<KeyedRequest> valid = requests.stream()
                .filter(KeyedRequest::hasValidKey)
                .sorted(Comparator.comparing(KeyedRequest::userId, Uuids.POSTGRES_ORDER)
                        .thenComparing(KeyedRequest::key))
                .toList();
        Set<List<Object>> used = new HashSet<>();
        if (!valid.isEmpty()) {
            Object[] users = valid.stream().map(KeyedRequest::userId).toArray();
            Object[] keys = valid.stream().map(KeyedRequest::key).toArray();
            template.query(
                    con -> {
                        PreparedStatement ps = con.prepareStatement("""
                                SELECT pg_advisory_xact_lock(hashtextextended(
                                    'pilimarket.idempotency:' || u || ':' || ? || ':' || k, 0))
                                FROM unnest(?::uuid[], ?::text[]) WITH ORDINALITY AS t(u, k, n)
                                ORDER BY n
                                """);
                        ps.setString(1, scope);
                        ps.setArray(2, con.createArrayOf("uuid", users));
                        ps.setArray(3, con.createArrayOf("text", keys));
                        return ps;
                    },
                    rs -> {});
            // A statement of its own, after the locks: its snapshot sees what a transaction that held one
            // of them committed while this one waited.
            template.query(
                    con -> {
                        PreparedStatement ps = con.prepareStatement("""
                                SELECT i.user_id, i.idem_key FROM idempotency_keys i
                                JOIN unnest(?::uuid[], ?::text[]) AS t(u, k) ON i.user_id = t.u AND i.idem_key = t.k
                                WHERE i.scope = ?
                                """);
                        ps.setArray(1, con.createArrayOf("uuid", users));
                        ps.setArray(2, con.createArrayOf("text", keys));
                        ps.setString(3, scope);
                        return ps;
                    },
                    rs -> {
                        used.add(List.of(rs.getObject(1, UUID.class), rs.getString(2)));
                    });
        }
        boolean[] result = new boolean[requests.size()];
        Set<List<Object>> handedOut = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            KeyedRequest r = requests.get(i);
            List<Object> id = r.hasValidKey() ? List.of(r.userId(), r.key()) : null;
            // A key given twice in one batch is claimed once: the second copy replays through execute.
            result[i] = id != null && !used.contains(id) && handedOut.add(id);
        }
        return result;
    }

    /**
     * Stores the responses of claimed requests, one row per key with its request's hash (same
     * transaction as the work and the claims).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void storeAll(String scope, List<KeyedRequest> requests, List<ResponseEntity<?>> responses) {
        if (requests.isEmpty()) {
            return;
        }
        Object[] statuses =
                responses.stream().map(r -> r.getStatusCode().value()).toArray();
        Object[] bodies = responses.stream()
                .map(r -> r.getBody() == null ? null : json.writeValueAsString(r.getBody()))
                .toArray();
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO idempotency_keys (user_id, scope, idem_key, request_hash, response_status, response_body)
                    SELECT u, ?, k, h, status, body
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::text[]) AS d(u, k, h, status, body)
                    """);
            ps.setString(1, scope);
            ps.setArray(
                    2,
                    con.createArrayOf(
                            "uuid", requests.stream().map(KeyedRequest::userId).toArray()));
            ps.setArray(
                    3,
                    con.createArrayOf(
                            "text", requests.stream().map(KeyedRequest::key).toArray()));
            ps.setArray(
                    4,
                    con.createArrayOf(
                            "text",
                            requests.stream().map(r -> hash(r.requestBody())).toArray()));
            ps.setArray(5, con.createArrayOf("int", statuses));
            ps.setArray(6, con.createArrayOf("text", bodies));
            return ps;
        });
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
