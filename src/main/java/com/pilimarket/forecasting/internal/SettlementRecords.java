package com.pilimarket.forecasting.internal;

import com.pilimarket.shared.EpochMicros;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of settlement on the {@code forecasts} table: the stakes of a market, its pending batches and their outcome. */
@Repository
class SettlementRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SettlementRecords(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One stake to settle. */
    record StakeRow(UUID id, UUID userId, UUID outcomeId, long points) {}

    /**
     * Every stake of a market, settled or not (the pool and the winners' total never change after
     * resolution), in user order (one forecast per user and market). Batches taken in this order each
     * cover a range of users: the payouts lock and update users in PostgreSQL's order, and the listeners of
     * each batch insert their rows into the user-keyed indexes (settled forecasts, board marks,
     * notifications) in one range of keys instead of all over them (measured with batches in forecast id
     * order, SettlementBenchmark on a quiet machine: 6-31 % more index pages on those tables, 0.257 instead
     * of 0.203 ms of database CPU per settled forecast, 20.1 instead of 15.8 s end to end).
     */
    List<StakeRow> stakes(UUID marketId) {
        return jdbc.sql("SELECT id, user_id, outcome_id, points FROM forecasts WHERE market_id = :m ORDER BY user_id")
                .param("m", marketId)
                .query(SettlementRecords::stake)
                .list();
    }

    private static StakeRow stake(ResultSet rs, int n) throws SQLException {
        return new StakeRow(
                rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getLong(4));
    }

    /**
     * Writes the outcome of a batch in one statement and returns the ids it marked: those still
     * pending. The UPDATE takes the row locks itself (no SELECT … FOR UPDATE before it, which wrote
     * a lock into every row first), and it changes no indexed column, so with the free space V270
     * leaves on each page the new row versions are HOT: no index entries.
     */
    Set<UUID> markSettled(UUID[] ids, String[] statuses, Long[] payouts) {
        Set<UUID> marked = new HashSet<>();
        template.query(
                BatchStatements.of(
                        """
                        UPDATE forecasts f
                        SET status = s.status, payout = s.payout, settled_at = clock_timestamp(),
                            updated_at = clock_timestamp()
                        FROM unnest(?::uuid[], ?::text[], ?::bigint[]) AS s(id, status, payout)
                        WHERE f.id = s.id AND f.status = 'pending'
                        RETURNING f.id
                        """,
                        BatchStatements.array("uuid", ids),
                        BatchStatements.array("text", statuses),
                        BatchStatements.array("bigint", payouts)),
                (ResultSet rs) -> {
                    marked.add(rs.getObject(1, UUID.class));
                });
        return marked;
    }

    /**
     * Whether any forecast of the market is still pending. Asked once a settlement has marked them all,
     * so the answer is nearly always no: read through the market's index ({@code ORDER BY} its order). As
     * {@code EXISTS}, PostgreSQL expected the first of the many pending forecasts of other markets to be
     * a few rows into a sequential scan and read the whole table to find none (measured: 45 ms on 192,000
     * forecasts and 0.25-1 s on 1.1 million, against 4 ms through the index).
     */
    boolean hasPending(UUID marketId) {
        return !jdbc.sql("""
                        SELECT 1 FROM forecasts WHERE market_id = :m AND status = 'pending'
                        ORDER BY created_at DESC LIMIT 1
                        """).param("m", marketId).query(Integer.class).list().isEmpty();
    }

    /** A settled forecast, as the listeners of a settlement read it. */
    record SettledRow(
            UUID id,
            UUID userId,
            UUID outcomeId,
            String status,
            long points,
            long payout,
            double crowdProbability,
            boolean flagged,
            Instant createdAt,
            Instant settledAt) {}

    /**
     * The forecasts {@code ids} of a market (a settled batch's), in user order (a user has one forecast per
     * market): one statement through the primary key, whatever the market's size. No {@code status}
     * condition: a batch names only forecasts its transaction settled, and during a settlement the
     * statistics still count them as pending, so the planner took such a condition to match almost no
     * row and chose plans for one row (measured on the benchmark's data: a nested loop over the market's
     * 100,000 rows for a join with the ids).
     */
    List<SettledRow> settledAmong(UUID marketId, List<UUID> ids) {
        // The times as epoch microseconds (EpochMicros): two per row, 200,000 rows per settlement.
        return template.query(
                BatchStatements.of("""
                        SELECT id, user_id, outcome_id, status, points, coalesce(payout, 0), crowd_probability,
                               is_flagged, (extract(epoch FROM created_at) * 1000000)::bigint,
                               (extract(epoch FROM settled_at) * 1000000)::bigint
                        FROM forecasts
                        WHERE id = ANY(?::uuid[]) AND market_id = ?
                        ORDER BY user_id, id
                        """, BatchStatements.array("uuid", ids.toArray(UUID[]::new)), marketId),
                (rs, n) -> new SettledRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getDouble(7),
                        rs.getBoolean(8),
                        EpochMicros.toInstant(rs.getLong(9)),
                        rs.getObject(10) == null ? null : EpochMicros.toInstant(rs.getLong(10))));
    }
}
