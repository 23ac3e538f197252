package com.pilimarket.notifications.internal;

import com.pilimarket.shared.platform.OutboxRows;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code push_subscriptions} and the push queue {@code push_outbox}. */
@Repository
class PushRecords implements OutboxRows<PushRecords.Pending> {

    private final JdbcClient jdbc;

    PushRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A browser's subscription: its push service URL, P-256 public key and auth secret (base64url). */
    record Subscription(String endpoint, String p256dh, String auth) {}

    /**
     * Stores the subscription for the user (a browser that was subscribed for another account moves to
     * this one, with its new keys) and drops the user's least recently subscribed devices beyond
     * {@code max}; returns how many devices the user has now.
     */
    int subscribe(UUID userId, Subscription s, int max) {
        jdbc.sql("""
                        INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth)
                        VALUES (:user, :endpoint, :p256dh, :auth)
                        ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh,
                            auth = excluded.auth, updated_at = now()
                        """)
                .param("user", userId)
                .param("endpoint", s.endpoint())
                .param("p256dh", s.p256dh())
                .param("auth", s.auth())
                .update();
        jdbc.sql("""
                        DELETE FROM push_subscriptions WHERE id IN (
                            SELECT id FROM push_subscriptions WHERE user_id = :user
                            ORDER BY updated_at DESC, id OFFSET :max)
                        """).param("user", userId).param("max", max).update();
        return devices(userId);
    }

    int devices(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM push_subscriptions WHERE user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    /** Removes the user's subscription of this endpoint; false if the user has none there. */
    boolean unsubscribe(UUID userId, String endpoint) {
        return jdbc.sql("DELETE FROM push_subscriptions WHERE user_id = :user AND endpoint = :endpoint")
                        .param("user", userId)
                        .param("endpoint", endpoint)
                        .update()
                > 0;
    }

    /** Drops a subscription the push service no longer knows (404/410); its queued pushes go with it. */
    void drop(UUID subscriptionId) {
        jdbc.sql("DELETE FROM push_subscriptions WHERE id = :id")
                .param("id", subscriptionId)
                .update();
    }

    /** Of these users, those with a subscribed device and the push channel on (no preferences row: on). */
    List<UUID> pushable(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT s.user_id FROM push_subscriptions s
                        LEFT JOIN notification_preferences p ON p.user_id = s.user_id
                        WHERE s.user_id = ANY(:users) AND coalesce(p.push, true)
                        """)
                .param("users", userIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** Queues each user's payload once for every device of that user (one statement). */
    int enqueue(Map<UUID, String> payloadByUser) {
        if (payloadByUser.isEmpty()) {
            return 0;
        }
        List<Map.Entry<UUID, String>> entries = List.copyOf(payloadByUser.entrySet());
        return jdbc.sql("""
                        INSERT INTO push_outbox (subscription_id, payload)
                        SELECT s.id, t.p FROM unnest(CAST(:users AS uuid[]), CAST(:payloads AS text[])) AS t(u, p)
                        JOIN push_subscriptions s ON s.user_id = t.u
                        """)
                .param("users", entries.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                .param("payloads", entries.stream().map(Map.Entry::getValue).toArray(String[]::new))
                .update();
    }

    /** A queued push with the subscription to send it to. */
    record Pending(
            UUID id, UUID subscriptionId, String endpoint, String p256dh, String auth, String payload, int attempts)
            implements OutboxRows.Row {}

    /** Locks up to {@code limit} due pushes; other instances skip them (SKIP LOCKED). */
    @Override
    public List<Pending> lockDue(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                        SELECT o.id, o.subscription_id, s.endpoint, s.p256dh, s.auth, o.payload, o.attempts
                        FROM push_outbox o JOIN push_subscriptions s ON s.id = o.subscription_id
                        WHERE o.status = 'pending' AND o.next_attempt_at <= :now
                        ORDER BY o.next_attempt_at, o.created_at
                        LIMIT :limit
                        FOR UPDATE OF o SKIP LOCKED
                        """)
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> new Pending(
                        rs.getObject("id", UUID.class),
                        rs.getObject("subscription_id", UUID.class),
                        rs.getString("endpoint"),
                        rs.getString("p256dh"),
                        rs.getString("auth"),
                        rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
    }

    @Override
    public void markSent(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE push_outbox SET status = 'sent', sent_at = :at, attempts = attempts + 1 WHERE id = :id")
                .param("at", at)
                .param("id", id)
                .update();
    }

    @Override
    public void markFailedAttempt(UUID id, String error, OffsetDateTime nextAttempt, boolean giveUp) {
        jdbc.sql("""
                        UPDATE push_outbox
                        SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
                            status = CASE WHEN :giveUp THEN 'failed' ELSE 'pending' END
                        WHERE id = :id
                        """)
                .param("error", error)
                .param("next", nextAttempt)
                .param("giveUp", giveUp)
                .param("id", id)
                .update();
    }

    /** Housekeeping: sent and failed pushes are of no use after a while. */
    int deleteDoneBefore(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM push_outbox WHERE status <> 'pending' AND created_at < :before")
                .param("before", before)
                .update();
    }
}
