package com.pilimarket.referrals.internal;

import com.pilimarket.referrals.ReferralStats;
import com.pilimarket.referrals.ReferralStatus;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@code referrals} table. */
@Repository
public class ReferralRecords {

    private final JdbcClient jdbc;

    ReferralRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of {@code referrals}. */
    public record ReferralRow(
            UUID inviteeId,
            UUID referrerId,
            String code,
            ReferralStatus status,
            String refusalReason,
            long referrerBonus,
            long inviteeBonus,
            OffsetDateTime createdAt,
            OffsetDateTime settledAt) {}

    private static final String COLUMNS = "invitee_id, referrer_id, code, status, refusal_reason, referrer_bonus,"
            + " invitee_bonus, created_at, settled_at";

    /** True when new (a redelivered registration event adds nothing). */
    public boolean insert(UUID inviteeId, UUID referrerId, String code) {
        return jdbc.sql("INSERT INTO referrals (invitee_id, referrer_id, code) VALUES (:invitee, :referrer, :code)"
                                + " ON CONFLICT DO NOTHING")
                        .param("invitee", inviteeId)
                        .param("referrer", referrerId)
                        .param("code", code)
                        .update()
                == 1;
    }

    /** Of these users, the ones whose invitation still waits for a first forecast. */
    public List<UUID> pendingAmong(List<UUID> userIds) {
        return jdbc.sql("SELECT invitee_id FROM referrals WHERE invitee_id = ANY(:ids) AND status = 'pending'")
                .param("ids", userIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list();
    }

    /** The invitation, locked until the transaction ends, if it still waits. */
    public Optional<ReferralRow> lockPending(UUID inviteeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM referrals WHERE invitee_id = :id AND status = 'pending'"
                        + " FOR UPDATE")
                .param("id", inviteeId)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /**
     * Serialises the settlements of one referrer's invitations (the monthly cap is counted, then
     * used); taken before any row lock, and only here, so it cannot deadlock with the ledger.
     */
    public void lockReferrer(UUID referrerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('referrer:' || :id, 0))")
                .param("id", referrerId.toString())
                .query((rs, n) -> 1)
                .list();
    }

    /** How many bonuses the referrer earned since then. */
    public long paidSince(UUID referrerId, OffsetDateTime since) {
        return jdbc.sql("SELECT count(*) FROM referrals WHERE referrer_id = :id AND status = 'paid'"
                        + " AND settled_at >= :since")
                .param("id", referrerId)
                .param("since", since)
                .query(Long.class)
                .single();
    }

    public void settle(
            UUID inviteeId,
            ReferralStatus status,
            String refusalReason,
            long referrerBonus,
            long inviteeBonus,
            OffsetDateTime at) {
        jdbc.sql("""
                        UPDATE referrals SET status = :status, refusal_reason = :reason, referrer_bonus = :referrerBonus,
                            invitee_bonus = :inviteeBonus, settled_at = :at
                        WHERE invitee_id = :id AND status = 'pending'
                        """)
                .param("status", status.value())
                .param("reason", refusalReason)
                .param("referrerBonus", referrerBonus)
                .param("inviteeBonus", inviteeBonus)
                .param("at", at)
                .param("id", inviteeId)
                .update();
    }

    public long countOf(UUID referrerId) {
        return jdbc.sql("SELECT count(*) FROM referrals WHERE referrer_id = :id")
                .param("id", referrerId)
                .query(Long.class)
                .single();
    }

    public long earned(UUID referrerId) {
        return jdbc.sql("SELECT coalesce(sum(referrer_bonus), 0) FROM referrals WHERE referrer_id = :id")
                .param("id", referrerId)
                .query(Long.class)
                .single();
    }

    public List<ReferralRow> ofReferrer(UUID referrerId, int limit, int offset) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM referrals WHERE referrer_id = :id"
                        + " ORDER BY created_at DESC, invitee_id LIMIT :limit OFFSET :offset")
                .param("id", referrerId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> row(rs))
                .list();
    }

    public ReferralStats stats(OffsetDateTime weekAgo) {
        return jdbc.sql("""
                        SELECT count(*),
                               count(*) FILTER (WHERE created_at >= :week),
                               count(*) FILTER (WHERE status = 'pending'),
                               count(*) FILTER (WHERE status = 'paid'),
                               count(*) FILTER (WHERE status = 'capped'),
                               count(*) FILTER (WHERE status = 'refused'),
                               coalesce(sum(referrer_bonus + invitee_bonus), 0)
                        FROM referrals
                        """)
                .param("week", weekAgo)
                .query((rs, n) -> new ReferralStats(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .single();
    }

    private static ReferralRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ReferralRow(
                rs.getObject("invitee_id", UUID.class),
                rs.getObject("referrer_id", UUID.class),
                rs.getString("code"),
                ReferralStatus.of(rs.getString("status")),
                rs.getString("refusal_reason"),
                rs.getLong("referrer_bonus"),
                rs.getLong("invitee_bonus"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("settled_at", OffsetDateTime.class));
    }
}
