package com.pilimarket.auth.internal;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code auth_account_changes} (V260): which accounts had their status, role or session cutoff
 * changed lately, on any instance. Written in the transaction of the change; read by every instance's
 * {@link AccountStatuses} to drop its cached copies.
 */
@Repository
class AccountChanges {

    private final JdbcClient jdbc;

    AccountChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records that this account changed (in the caller's transaction, if any). */
    void record(UUID userId) {
        jdbc.sql("INSERT INTO auth_account_changes (user_id) VALUES (:user)")
                .param("user", userId)
                .update();
    }

    /** The accounts changed within {@code window} before now (the database's clock), each once. */
    List<UUID> changedWithin(Duration window) {
        return jdbc.sql("SELECT DISTINCT user_id FROM auth_account_changes"
                        + " WHERE changed_at > clock_timestamp() - make_interval(secs => :seconds)")
                .param("seconds", window.toMillis() / 1000.0)
                .query(UUID.class)
                .list();
    }

    /** Deletes the records older than {@code age}: no poll looks that far back. */
    int deleteOlderThan(Duration age) {
        return jdbc.sql(
                        "DELETE FROM auth_account_changes WHERE changed_at < clock_timestamp() - make_interval(secs => :seconds)")
                .param("seconds", age.toMillis() / 1000.0)
                .update();
    }
}
