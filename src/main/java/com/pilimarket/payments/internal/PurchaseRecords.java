package com.pilimarket.payments.internal;

import com.pilimarket.payments.PaymentProvider;
import com.pilimarket.payments.PurchaseStatus;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code purchases} table. */
@Repository
public class PurchaseRecords {

    private static final String COLUMNS = """
            id, user_id, provider, chips_added, amount_cents, currency, package_id, provider_tx_id,
            provider_payment_id, client_secret, checkout_url, status, failure_reason, chips_reversed,
            debt_recorded, is_flagged, flag_reason, idempotency_key, request_hash, completed_at, created_at
            """;

    private final JdbcClient jdbc;

    PurchaseRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A purchase to insert, with the request signals kept for fraud review. */
    public record NewPurchaseRow(
            UUID userId,
            PaymentProvider provider,
            long chips,
            long amountCents,
            String packageId,
            String idempotencyKey,
            String requestHash,
            String deviceId,
            String ip,
            String userAgent) {}

    public Purchase insert(NewPurchaseRow row) {
        return jdbc.sql("INSERT INTO purchases (user_id, provider, chips_added, amount_cents, currency, package_id,"
                        + " idempotency_key, request_hash, device_id, ip, user_agent)"
                        + " VALUES (:user, :provider, :chips, :amount, 'PHP', :package, :key, :hash, :device, :ip, :ua)"
                        + " RETURNING " + COLUMNS)
                .param("user", row.userId())
                .param("provider", row.provider().value())
                .param("chips", row.chips())
                .param("amount", row.amountCents())
                .param("package", row.packageId())
                .param("key", row.idempotencyKey())
                .param("hash", row.requestHash())
                .param("device", row.deviceId())
                .param("ip", row.ip())
                .param("ua", row.userAgent())
                .query(PurchaseRecords::map)
                .single();
    }

    public Optional<Purchase> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = :id")
                .param("id", id)
                .query(PurchaseRecords::map)
                .optional();
    }

    /** Locks the row until the transaction ends: concurrent events for one purchase are applied one at a time. */
    public Optional<Purchase> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PurchaseRecords::map)
                .optional();
    }

    /** Finds the purchase a provider object belongs to (the PaymentIntent, checkout session or payment id we stored). */
    public Optional<UUID> findIdByProviderReference(List<PaymentProvider> providers, List<String> references) {
        List<String> refs =
                references.stream().filter(r -> r != null && !r.isBlank()).toList();
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT id FROM purchases
                        WHERE provider IN (:providers)
                          AND (provider_tx_id IN (:refs) OR provider_payment_id IN (:refs))
                        ORDER BY created_at LIMIT 1
                        """)
                .param(
                        "providers",
                        providers.stream().map(PaymentProvider::value).toList())
                .param("refs", refs)
                .query(UUID.class)
                .optional();
    }

    public Optional<Purchase> findByIdempotencyKey(UUID userId, String key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE user_id = :user AND idempotency_key = :key")
                .param("user", userId)
                .param("key", key)
                .query(PurchaseRecords::map)
                .optional();
    }

    public Page<Purchase> ofUser(UUID userId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM purchases WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
        List<Purchase> items = jdbc.sql("SELECT " + COLUMNS
                        + " FROM purchases WHERE user_id = :user ORDER BY created_at DESC, id DESC"
                        + " LIMIT :limit OFFSET :offset")
                .param("user", userId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(PurchaseRecords::map)
                .list();
        return Page.of(items, page, total);
    }

    /** Pesos (in centavos) a user has pending or paid since {@code since}: the daily cap counts both. */
    public long centsSince(UUID userId, Instant since) {
        return jdbc.sql("""
                        SELECT coalesce(sum(amount_cents), 0) FROM purchases
                        WHERE user_id = :user AND status IN ('pending', 'completed') AND created_at >= :since
                        """)
                .param("user", userId)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    public int attemptsSince(UUID userId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM purchases WHERE user_id = :user AND created_at >= :since")
                .param("user", userId)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** Serialises purchase creation per user (daily cap, velocity, idempotency key) without locking the users row. */
    public void lockUserPurchases(UUID userId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('purchases:' || :user, 0))")
                .param("user", userId.toString())
                .query((rs, n) -> 1)
                .list();
    }

    public void attachCheckout(
            UUID id, String providerTxId, String providerPaymentId, String clientSecret, String url) {
        jdbc.sql("""
                        UPDATE purchases SET provider_tx_id = coalesce(:tx, provider_tx_id),
                            provider_payment_id = coalesce(:payment, provider_payment_id),
                            client_secret = :secret, checkout_url = :url, updated_at = now()
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("tx", providerTxId)
                .param("payment", providerPaymentId)
                .param("secret", clientSecret)
                .param("url", url)
                .update();
    }

    public void markCompleted(UUID id, String providerPaymentId, Instant at) {
        jdbc.sql("""
                        UPDATE purchases SET status = 'completed', completed_at = :at, failure_reason = NULL,
                            provider_payment_id = coalesce(:payment, provider_payment_id), updated_at = now()
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("payment", providerPaymentId)
                .param("at", Timestamp.from(at))
                .update();
    }

    public void markFailed(UUID id, String reason) {
        // Only a pending purchase can fail: a late failure must never undo a completion.
        jdbc.sql("UPDATE purchases SET status = 'failed', failure_reason = :reason, updated_at = now()"
                        + " WHERE id = :id AND status = 'pending'")
                .param("id", id)
                .param("reason", reason)
                .update();
    }

    public void markReversed(UUID id, PurchaseStatus status, long chipsReversed, long debt) {
        jdbc.sql("""
                        UPDATE purchases SET status = :status, chips_reversed = :reversed, debt_recorded = :debt,
                            updated_at = now()
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("status", status.value())
                .param("reversed", chipsReversed)
                .param("debt", debt)
                .update();
    }

    public void flag(UUID id, String rule) {
        jdbc.sql("""
                        UPDATE purchases SET is_flagged = true,
                            flag_reason = CASE WHEN flag_reason IS NULL THEN :rule
                                               WHEN position(:rule IN flag_reason) > 0 THEN flag_reason
                                               ELSE flag_reason || ',' || :rule END,
                            updated_at = now()
                        WHERE id = :id
                        """).param("id", id).param("rule", rule).update();
    }

    /** Clears the review mark (the flag reason stays as history). */
    public void unflag(UUID id) {
        jdbc.sql("UPDATE purchases SET is_flagged = false, updated_at = now() WHERE id = :id AND is_flagged")
                .param("id", id)
                .update();
    }

    private static Purchase map(ResultSet rs, int n) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Purchase(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                PaymentProvider.parse(rs.getString("provider")).orElseThrow(),
                rs.getLong("chips_added"),
                rs.getLong("amount_cents"),
                rs.getString("currency"),
                rs.getString("package_id"),
                rs.getString("provider_tx_id"),
                rs.getString("provider_payment_id"),
                rs.getString("client_secret"),
                rs.getString("checkout_url"),
                PurchaseStatus.of(rs.getString("status")),
                rs.getString("failure_reason"),
                rs.getLong("chips_reversed"),
                rs.getLong("debt_recorded"),
                rs.getBoolean("is_flagged"),
                rs.getString("flag_reason"),
                rs.getString("idempotency_key"),
                rs.getString("request_hash"),
                completed == null ? null : completed.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
