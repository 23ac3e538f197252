package com.pilimarket.reputation.internal;

import com.pilimarket.reputation.RankedScore;
import com.pilimarket.reputation.RankingMetric;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code rank_totals}: per user, board by board, the totals the leaderboards rank by (V190).
 * Scoring marks each newly stored settled forecast as pending in {@code board_pending} (V230, in the
 * statement that stores it); the board step then moves pending forecasts onto their six boards (their
 * week, their month, all time; each in all categories and in their own), a chunk per transaction
 * ({@link #addPending}): the chunk's marks are deleted in the transaction that adds it, so nothing is
 * counted twice or lost. A board is read in rank order from an index: score desc, forecasts desc, user
 * id — the order of the full ranking ({@link ReputationRecords#ranking}).
 */
@Repository
public class RankTotals {

    /**
     * The boards one settled forecast {@code s} counts on: (period, period key) × category. The keys are
     * those of the leaderboard's periods: ISO week (Monday start) and month in Asia/Manila.
     */
    private static final String BOARDS_OF_S = """
            CROSS JOIN LATERAL (VALUES
                ('weekly', to_char(s.settled_at AT TIME ZONE 'Asia/Manila', 'IYYY-"W"IW')),
                ('monthly', to_char(s.settled_at AT TIME ZONE 'Asia/Manila', 'YYYY-MM')),
                ('all_time', 'all')) AS p (period, period_key)
            CROSS JOIN LATERAL (VALUES ('all'), (s.category)) AS c (category)
            """;

    /** Forecasts that count: not refunded, not flagged at settlement nor since (forecasting's flag). */
    private static final String COUNTED = "NOT s.refunded AND NOT s.flagged"
            + " AND NOT EXISTS (SELECT 1 FROM forecast_view f WHERE f.id = s.forecast_id AND f.is_flagged)";

    private static final String TOTALS_OF_S = "SELECT p.period, p.period_key, c.category, s.user_id,"
            + " sum(s.skill::numeric), sum(s.payout - s.stake), count(*), count(*) FILTER (WHERE s.won)"
            + " FROM settled_forecasts s ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RankTotals(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Adds up to {@code limit} pending settled forecasts (the first in user order, those another
     * transaction is adding skipped) to their boards and deletes their pending marks, in the caller's
     * transaction; returns how many it took (0: none left). Takes {@code rank_totals}' row-exclusive
     * lock first, so it waits for a running {@link #rebuild} (which takes the table before the marks)
     * instead of deadlocking with it, and after one finds the marks of what it counted gone. Rows are
     * written in user order, so two board steps of overlapping users wait for each other instead of
     * deadlocking.
     */
    int addPending(int limit) {
        jdbc.sql("LOCK TABLE rank_totals IN ROW EXCLUSIVE MODE").update();
        // The aggregate of a chunk (6 boards per forecast: 30,000 groups per 5,000) spilled to disk at the
        // default 4 MB (EXPLAIN ANALYZE: 335 temp blocks written); this transaction only.
        jdbc.sql("SET LOCAL work_mem = '32MB'").update();
        List<UUID> claimed = jdbc.sql("DELETE FROM board_pending WHERE (user_id, forecast_id) IN"
                        + " (SELECT user_id, forecast_id FROM board_pending ORDER BY user_id, forecast_id"
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED) RETURNING forecast_id")
                .param("limit", limit)
                .query(UUID.class)
                .list();
        add(claimed);
        return claimed.size();
    }

    /** Settled forecasts still to be added to their boards. */
    long pending() {
        return jdbc.sql("SELECT count(*) FROM board_pending").query(Long.class).single();
    }

    /** Adds these settled forecasts (whose pending marks the caller just deleted) to their boards, in one statement. */
    private void add(List<UUID> settledForecastIds) {
        if (settledForecastIds.isEmpty()) {
            return;
        }
        template.update(con -> {
            var ps = con.prepareStatement(
                    "INSERT INTO rank_totals (period, period_key, category, user_id, skill, profit, forecasts,"
                            + " won) " + TOTALS_OF_S + BOARDS_OF_S
                            + " WHERE s.forecast_id = ANY(?::uuid[]) AND " + COUNTED
                            + " GROUP BY 4, 1, 2, 3 ORDER BY 4, 1, 2, 3"
                            + " ON CONFLICT (period, period_key, category, user_id) DO UPDATE"
                            + " SET skill = rank_totals.skill + excluded.skill,"
                            + " profit = rank_totals.profit + excluded.profit,"
                            + " forecasts = rank_totals.forecasts + excluded.forecasts,"
                            + " won = rank_totals.won + excluded.won");
            ps.setArray(1, con.createArrayOf("uuid", settledForecastIds.toArray()));
            return ps;
        });
    }

    /**
     * Recomputes every board from the stored settled forecasts, in one transaction (the caller's):
     * forecasts flagged after they were scored drop out, and windows other than the current ones
     * ({@code weeklyKey}, {@code monthlyKey}) go. The table lock makes board steps wait. The pending
     * marks are deleted in the statement that counts (one snapshot): a forecast it counted is no longer
     * pending, one stored after its snapshot stays pending and is added by the next board step.
     */
    public void rebuild(String weeklyKey, String monthlyKey) {
        jdbc.sql("LOCK TABLE rank_totals IN EXCLUSIVE MODE").update();
        jdbc.sql("DELETE FROM rank_totals").update();
        jdbc.sql("WITH counted AS (DELETE FROM board_pending)"
                        + " INSERT INTO rank_totals (period, period_key, category, user_id, skill, profit, forecasts,"
                        + " won) " + TOTALS_OF_S + BOARDS_OF_S + " WHERE " + COUNTED
                        + " AND (p.period = 'all_time' OR p.period_key IN (:weekly, :monthly))"
                        + " GROUP BY 1, 2, 3, 4")
                .param("weekly", weeklyKey)
                .param("monthly", monthlyKey)
                .update();
    }

    /** Lines {@code offset} … {@code offset + limit − 1} of a board, ranked. */
    public List<RankedScore> page(
            String period, String periodKey, String category, RankingMetric metric, long offset, int limit) {
        String score = score(metric, "");
        List<RankedScore> lines = jdbc.sql("SELECT user_id, " + score + " AS score, forecasts, won FROM rank_totals"
                        + " WHERE period = :period AND period_key = :key AND category = :category"
                        + " ORDER BY " + score + " DESC, forecasts DESC, user_id LIMIT :limit OFFSET :offset")
                .param("period", period)
                .param("key", periodKey)
                .param("category", category)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> line(rs, 0))
                .list();
        for (int i = 0; i < lines.size(); i++) {
            RankedScore line = lines.get(i);
            lines.set(
                    i,
                    new RankedScore((int) offset + i + 1, line.userId(), line.score(), line.forecasts(), line.won()));
        }
        return lines;
    }

    /** How many users a board ranks. */
    public long size(String period, String periodKey, String category) {
        return jdbc.sql("SELECT count(*) FROM rank_totals WHERE period = :period AND period_key = :key"
                        + " AND category = :category")
                .param("period", period)
                .param("key", periodKey)
                .param("category", category)
                .query(Long.class)
                .single();
    }

    /** The user's line on a board with its rank (1 + the lines ahead of it), if the user is on it. */
    public Optional<RankedScore> rankOf(
            String period, String periodKey, String category, RankingMetric metric, UUID userId) {
        // Ahead of t: a higher score, or the same and more forecasts, or the same again and a lower id.
        return jdbc.sql("SELECT t.user_id, t.score, t.forecasts, t.won, 1 + (SELECT count(*) FROM rank_totals o"
                        + " WHERE o.period = :period AND o.period_key = :key AND o.category = :category"
                        + " AND (" + score(metric, "o.")
                        + ", o.forecasts, t.user_id) > (t.score, t.forecasts, o.user_id)"
                        + ") AS rank FROM (SELECT user_id, " + score(metric, "") + " AS score, forecasts, won"
                        + " FROM rank_totals WHERE period = :period AND period_key = :key AND category = :category"
                        + " AND user_id = :user) t")
                .param("period", period)
                .param("key", periodKey)
                .param("category", category)
                .param("user", userId)
                .query((rs, n) -> line(rs, rs.getInt("rank")))
                .optional();
    }

    private static String score(RankingMetric metric, String alias) {
        return metric == RankingMetric.PROFIT ? alias + "profit" : "round(" + alias + "skill, 6)";
    }

    private static RankedScore line(ResultSet rs, int rank) throws SQLException {
        return new RankedScore(
                rank,
                rs.getObject("user_id", UUID.class),
                rs.getBigDecimal("score").doubleValue(),
                rs.getInt("forecasts"),
                rs.getInt("won"));
    }
}
