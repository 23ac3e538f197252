package com.pilimarket.reputation.internal;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.reputation.BadgeCatalog;
import com.pilimarket.reputation.RankingMetric;
import com.pilimarket.reputation.SkillPoints;
import com.pilimarket.shared.EpochMicros;
import com.pilimarket.shared.Uuids;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for the reputation read model ({@code rep_forecasts}, {@code settled_forecasts}); badges are
 * awarded through {@link com.pilimarket.users.UserBadges}.
 *
 * <p>Long because the set-based scoring statements (store, skill totals, badge rules in SQL) and the
 * reads of the same two tables they feed (rankings, totals, calibration) belong together.
 */
@Repository
public class ReputationRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReputationRecords(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.template = named.getJdbcTemplate();
    }

    /** Serialises work on the reputation read model for one key, until the transaction ends. */
    void lock(String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "pilimarket.reputation:" + key)
                .query((rs, n) -> 1)
                .list();
    }

    /** Takes the per-user locks of {@link #lock} for many users at once, in user order (no deadlock). */
    void lockUsers(Collection<UUID> userIds) {
        template.query(
                con -> {
                    var ps = con.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended("
                            + "'pilimarket.reputation:user:' || u, 0)) FROM unnest(?::uuid[]) AS u ORDER BY u");
                    ps.setArray(1, con.createArrayOf("uuid", userIds.toArray()));
                    return ps;
                },
                rs -> {});
    }

    /**
     * Records placements in the read model (one row per forecast: its running total and first
     * placement time), in one statement. A forecast placed twice in the
     * list keeps its largest total and earliest time, as two single calls would.
     */
    void recordPlacements(List<ForecastPlaced> placements) {
        Map<UUID, ForecastPlaced> byForecast = new LinkedHashMap<>();
        for (ForecastPlaced p : placements) {
            byForecast.merge(
                    p.forecastId(),
                    p,
                    (a, b) -> new ForecastPlaced(
                            a.forecastId(),
                            a.userId(),
                            a.marketId(),
                            a.outcomeId(),
                            a.category(),
                            a.points(),
                            Math.max(a.totalPoints(), b.totalPoints()),
                            a.topUp(),
                            a.crowdProbability(),
                            a.placedAt().isBefore(b.placedAt()) ? a.placedAt() : b.placedAt()));
        }
        List<ForecastPlaced> rows = List.copyOf(byForecast.values());
        template.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO rep_forecasts (forecast_id, user_id, market_id, category, total_points, placed_at)
                    SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::bigint[], ?::timestamptz[])
                    ON CONFLICT (forecast_id) DO UPDATE
                        SET total_points = greatest(rep_forecasts.total_points, excluded.total_points),
                            placed_at = least(rep_forecasts.placed_at, excluded.placed_at)
                    """);
            ps.setArray(
                    1,
                    con.createArrayOf(
                            "uuid",
                            rows.stream().map(ForecastPlaced::forecastId).toArray()));
            ps.setArray(
                    2,
                    con.createArrayOf(
                            "uuid", rows.stream().map(ForecastPlaced::userId).toArray()));
            ps.setArray(
                    3,
                    con.createArrayOf(
                            "uuid", rows.stream().map(ForecastPlaced::marketId).toArray()));
            ps.setArray(
                    4,
                    con.createArrayOf(
                            "text", rows.stream().map(ForecastPlaced::category).toArray()));
            ps.setArray(
                    5,
                    con.createArrayOf(
                            "bigint",
                            rows.stream().map(ForecastPlaced::totalPoints).toArray()));
            ps.setArray(
                    6,
                    con.createArrayOf(
                            "timestamptz",
                            rows.stream().map(r -> Timestamp.from(r.placedAt())).toArray()));
            return ps;
        });
    }

    /** Per user: their forecasts and total staked over the read model (users with none are absent). */
    Map<UUID, PlacementTotals> placementTotals(Collection<UUID> userIds) {
        Map<UUID, PlacementTotals> totals = new HashMap<>();
        template.query(
                con -> {
                    var ps = con.prepareStatement("SELECT user_id, count(*), coalesce(sum(total_points), 0)"
                            + " FROM rep_forecasts WHERE user_id = ANY(?::uuid[]) GROUP BY user_id");
                    ps.setArray(1, con.createArrayOf("uuid", userIds.toArray()));
                    return ps;
                },
                rs -> {
                    totals.put(rs.getObject(1, UUID.class), new PlacementTotals(rs.getLong(2), rs.getLong(3)));
                });
        return totals;
    }

    public long forecastCount(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM rep_forecasts WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    public long totalStaked(UUID userId) {
        return jdbc.sql("SELECT coalesce(sum(total_points), 0) FROM rep_forecasts WHERE user_id = :user")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /**
     * Stores settled forecasts in one statement and returns how many it stored; a redelivered settlement
     * stores nothing. Those stored now that can count on the boards (not refunded, not flagged) are marked
     * pending for the board step ({@link RankTotals#addPending}) in the same statement, so a forecast is
     * marked once, when it is stored.
     */
    int recordSettled(List<ForecastSettled> forecasts) {
        if (forecasts.isEmpty()) {
            return 0;
        }
        int n = forecasts.size();
        Object[] forecastIds = new Object[n];
        Object[] userIds = new Object[n];
        Object[] marketIds = new Object[n];
        Object[] categories = new Object[n];
        Object[] outcomeIds = new Object[n];
        Object[] won = new Object[n];
        Object[] refunded = new Object[n];
        Object[] stakes = new Object[n];
        Object[] payouts = new Object[n];
        Object[] probabilities = new Object[n];
        Object[] skills = new Object[n];
        Object[] placed = new Object[n];
        Object[] created = new Object[n];
        Object[] settled = new Object[n];
        Object[] flagged = new Object[n];
        for (int i = 0; i < n; i++) {
            ForecastSettled f = forecasts.get(i);
            forecastIds[i] = f.forecastId();
            userIds[i] = f.userId();
            marketIds[i] = f.marketId();
            categories[i] = f.category();
            outcomeIds[i] = f.outcomeId();
            won[i] = f.won() && !f.refunded();
            refunded[i] = f.refunded();
            stakes[i] = f.stake();
            payouts[i] = f.payout();
            probabilities[i] = f.crowdProbability();
            skills[i] = SkillPoints.of(f.won(), f.refunded(), f.crowdProbability());
            placed[i] = EpochMicros.of(f.placedAt());
            created[i] = EpochMicros.of(f.marketCreatedAt());
            settled[i] = EpochMicros.of(f.settledAt());
            flagged[i] = f.flagged();
        }
        Integer stored = template.query(
                con -> {
                    var ps = con.prepareStatement("""
                    WITH stored AS (
                        INSERT INTO settled_forecasts (forecast_id, user_id, market_id, category, outcome_id, won,
                            refunded, stake, payout, crowd_probability, skill, placed_at, market_created_at,
                            settled_at, flagged)
                        SELECT f, u, m, c, o, w, r, s, p, q, k, timestamptz 'epoch' + pl * interval '1 microsecond',
                            timestamptz 'epoch' + cr * interval '1 microsecond',
                            timestamptz 'epoch' + se * interval '1 microsecond', fl
                        FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[], ?::boolean[],
                            ?::boolean[], ?::bigint[], ?::bigint[], ?::float8[], ?::float8[], ?::bigint[],
                            ?::bigint[], ?::bigint[], ?::boolean[]) AS t(f, u, m, c, o, w, r, s, p, q, k, pl, cr, se, fl)
                        ON CONFLICT (forecast_id) DO NOTHING
                        RETURNING forecast_id, user_id, refunded, flagged
                    )
                    , marked AS (
                        INSERT INTO board_pending (user_id, forecast_id)
                        SELECT user_id, forecast_id FROM stored WHERE NOT refunded AND NOT flagged
                    )
                    SELECT count(*) FROM stored
                    """);
                    int i = 1;
                    ps.setArray(i++, con.createArrayOf("uuid", forecastIds));
                    ps.setArray(i++, con.createArrayOf("uuid", userIds));
                    ps.setArray(i++, con.createArrayOf("uuid", marketIds));
                    ps.setArray(i++, con.createArrayOf("text", categories));
                    ps.setArray(i++, con.createArrayOf("uuid", outcomeIds));
                    ps.setArray(i++, con.createArrayOf("boolean", won));
                    ps.setArray(i++, con.createArrayOf("boolean", refunded));
                    ps.setArray(i++, con.createArrayOf("bigint", stakes));
                    ps.setArray(i++, con.createArrayOf("bigint", payouts));
                    ps.setArray(i++, con.createArrayOf("float8", probabilities));
                    ps.setArray(i++, con.createArrayOf("float8", skills));
                    ps.setArray(i++, con.createArrayOf("bigint", placed));
                    ps.setArray(i++, con.createArrayOf("bigint", created));
                    ps.setArray(i++, con.createArrayOf("bigint", settled));
                    ps.setArray(i, con.createArrayOf("boolean", flagged));
                    return ps;
                },
                (ResultSet rs) -> rs.next() ? rs.getInt(1) : 0);
        return stored == null ? 0 : stored;
    }

    /**
     * Adds {@code stored} (what a chunk's {@link #recordSettled} inserted) to the market's count of
     * scored forecasts and returns the new count. Called last in the chunk's transaction: the market's row
     * is locked until the chunk commits, so concurrent batches count one after the other and the last to
     * count sees every other batch's rows.
     */
    int addScored(UUID marketId, int stored) {
        return jdbc.sql("""
                        INSERT INTO scoring_progress (market_id, scored) VALUES (:m, :n)
                        ON CONFLICT (market_id) DO UPDATE SET scored = scoring_progress.scored + excluded.scored
                        RETURNING scored
                        """)
                .param("m", marketId)
                .param("n", stored)
                .query(Integer.class)
                .single();
    }

    /** Σ skill over each user's settled (non-refunded) forecasts, in one statement; users with none are absent. */
    Map<UUID, Double> skillTotals(Collection<UUID> userIds) {
        Map<UUID, Double> totals = new HashMap<>();
        template.query(
                con -> {
                    var ps = con.prepareStatement("SELECT user_id, sum(skill) FROM settled_forecasts"
                            + " WHERE user_id = ANY(?::uuid[]) AND NOT refunded GROUP BY user_id");
                    ps.setArray(1, con.createArrayOf("uuid", userIds.toArray()));
                    return ps;
                },
                rs -> {
                    totals.put(rs.getObject(1, UUID.class), rs.getDouble(2));
                });
        return totals;
    }

    /**
     * The badges of settled forecasts (PRODUCT.md §5) that each of these users has earned, for all of
     * them in one statement over their settled, non-refunded forecasts in settlement order (ties by
     * forecast id): the same rules as {@link BadgeRules#forSettled}, as SQL. Users with none are absent.
     */
    Map<UUID, Set<String>> settledBadges(Collection<UUID> userIds) {
        Map<UUID, Set<String>> earned = new HashMap<>();
        template.query(
                con -> {
                    var ps = con.prepareStatement("""
                            WITH h AS (
                                SELECT user_id, category, won, crowd_probability, skill, placed_at, market_created_at,
                                       -- consecutive rows with the same "won" share an island number
                                       row_number() OVER (PARTITION BY user_id ORDER BY settled_at, forecast_id)
                                       - row_number() OVER (PARTITION BY user_id, won ORDER BY settled_at, forecast_id)
                                           AS island
                                FROM settled_forecasts
                                WHERE user_id = ANY(?::uuid[]) AND NOT refunded
                            ), per_user AS (
                                SELECT user_id, count(*) FILTER (WHERE won) AS wins,
                                       bool_or(won AND crowd_probability < ?) AS contrarian,
                                       bool_or(won AND placed_at <= market_created_at + make_interval(secs => ?))
                                           AS early
                                FROM h GROUP BY user_id
                            )
                            SELECT user_id, ? FROM per_user WHERE wins >= 1
                            UNION ALL SELECT user_id, ? FROM per_user WHERE wins >= ?
                            UNION ALL SELECT user_id, ? FROM per_user WHERE contrarian
                            UNION ALL SELECT user_id, ? FROM per_user WHERE early
                            UNION ALL SELECT DISTINCT user_id, ? FROM h WHERE won
                                GROUP BY user_id, island HAVING count(*) >= ?
                            UNION ALL SELECT user_id, ? || category FROM h
                                GROUP BY user_id, category HAVING count(*) >= ? AND sum(skill) > 0
                            """);
                    int i = 1;
                    ps.setArray(i++, con.createArrayOf("uuid", userIds.toArray()));
                    ps.setDouble(i++, BadgeRules.CONTRARIAN_BELOW);
                    ps.setLong(i++, BadgeRules.EARLY.toSeconds());
                    ps.setString(i++, BadgeCatalog.FIRST_WIN);
                    ps.setString(i++, BadgeCatalog.SHARP_10);
                    ps.setInt(i++, BadgeRules.SHARP_WINS);
                    ps.setString(i++, BadgeCatalog.CONTRARIAN);
                    ps.setString(i++, BadgeCatalog.EARLY_BIRD);
                    ps.setString(i++, BadgeCatalog.STREAK_5);
                    ps.setInt(i++, BadgeRules.STREAK);
                    ps.setString(i++, BadgeCatalog.CATEGORY_EXPERT_PREFIX);
                    ps.setInt(i, BadgeRules.EXPERT_SETTLED);
                    return ps;
                },
                rs -> {
                    earned.computeIfAbsent(rs.getObject(1, UUID.class), u -> new HashSet<>())
                            .add(rs.getString(2));
                });
        return earned;
    }

    /** A user's settled, non-refunded forecasts in settlement order (ties by forecast id). */
    List<SettledRow> history(UUID userId) {
        return jdbc.sql("""
                        SELECT forecast_id, category, won, crowd_probability, skill, stake, payout, placed_at,
                               market_created_at, settled_at
                        FROM settled_forecasts WHERE user_id = :user AND NOT refunded
                        ORDER BY settled_at, forecast_id
                        """)
                .param("user", userId)
                .query((rs, n) -> new SettledRow(
                        rs.getObject("forecast_id", UUID.class),
                        rs.getString("category"),
                        rs.getBoolean("won"),
                        rs.getDouble("crowd_probability"),
                        rs.getDouble("skill"),
                        rs.getLong("stake"),
                        rs.getLong("payout"),
                        rs.getTimestamp("placed_at").toInstant(),
                        rs.getTimestamp("market_created_at").toInstant(),
                        rs.getTimestamp("settled_at").toInstant()))
                .list();
    }

    /**
     * Ranks users by {@code metric} over forecasts settled in [{@code from}, {@code to}) (either may be
     * null: unbounded), optionally in one category. Refunded and flagged forecasts do not count; a
     * forecast flagged after settlement (forecasting's {@code forecast_view.is_flagged}: no event carries
     * it yet) drops out at the next recompute. Ties: score desc, forecasts desc, user id.
     */
    public List<Aggregate> ranking(Instant from, Instant to, String category, RankingMetric metric, Integer limit) {
        StringBuilder where = new StringBuilder("NOT s.refunded AND NOT s.flagged"
                + " AND NOT EXISTS (SELECT 1 FROM forecast_view f WHERE f.id = s.forecast_id AND f.is_flagged)");
        Map<String, Object> params = new LinkedHashMap<>();
        if (from != null) {
            where.append(" AND s.settled_at >= :from");
            params.put("from", Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND s.settled_at < :to");
            params.put("to", Timestamp.from(to));
        }
        if (category != null) {
            where.append(" AND s.category = :category");
            params.put("category", category);
        }
        String score =
                metric == RankingMetric.PROFIT ? "sum(s.payout - s.stake)::numeric" : "round(sum(s.skill::numeric), 6)";
        String sql = "SELECT s.user_id, " + score + " AS score, count(*) AS forecasts,"
                + " count(*) FILTER (WHERE s.won) AS won FROM settled_forecasts s WHERE " + where
                + " GROUP BY s.user_id ORDER BY score DESC, forecasts DESC, s.user_id"
                + (limit == null ? "" : " LIMIT " + limit);
        return jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Aggregate(
                        rs.getObject("user_id", UUID.class),
                        rs.getBigDecimal("score").doubleValue(),
                        rs.getInt("forecasts"),
                        rs.getInt("won")))
                .list();
    }

    /** A user's settled (non-refunded) forecasts, how many of them won, and the profit over them. */
    public SettledTotals totals(UUID userId) {
        return jdbc.sql("""
                        SELECT count(*) AS settled, count(*) FILTER (WHERE won) AS won,
                               coalesce(sum(payout - stake), 0) AS profit
                        FROM settled_forecasts WHERE user_id = :user AND NOT refunded
                        """)
                .param("user", userId)
                .query((rs, n) -> new SettledTotals(rs.getLong("settled"), rs.getLong("won"), rs.getLong("profit")))
                .single();
    }

    /** Per calibration bucket (0..9, by crowd probability): its settled forecasts and how many won. */
    public Map<Integer, BucketCount> calibration(UUID userId) {
        Map<Integer, BucketCount> buckets = new HashMap<>();
        jdbc.sql("""
                        SELECT least(floor(crowd_probability * 10)::int, 9) AS bucket, count(*) AS forecasts,
                               count(*) FILTER (WHERE won) AS won
                        FROM settled_forecasts WHERE user_id = :user AND NOT refunded GROUP BY 1
                        """)
                .param("user", userId)
                .query((rs, n) ->
                        buckets.put(rs.getInt("bucket"), new BucketCount(rs.getLong("forecasts"), rs.getLong("won"))))
                .list();
        return buckets;
    }

    boolean monthAwarded(String periodKey) {
        return jdbc.sql("SELECT count(*) FROM monthly_awards WHERE period_key = :key")
                        .param("key", periodKey)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Marks the month done; false if another run already did. */
    boolean markMonthAwarded(String periodKey, int winners) {
        return jdbc.sql(
                                "INSERT INTO monthly_awards (period_key, winners) VALUES (:key, :winners) ON CONFLICT DO NOTHING")
                        .param("key", periodKey)
                        .param("winners", winners)
                        .update()
                == 1;
    }

    /** One settled forecast as the badge rules see it. */
    record SettledRow(
            UUID forecastId,
            String category,
            boolean won,
            double crowdProbability,
            double skill,
            long stake,
            long payout,
            Instant placedAt,
            Instant marketCreatedAt,
            Instant settledAt) {}

    /** One user's placements in the read model: how many forecasts, and their total stake. */
    record PlacementTotals(long forecasts, long staked) {
        static final PlacementTotals NONE = new PlacementTotals(0, 0);
    }

    /** A user's settled, non-refunded forecasts: how many, how many won, and payouts minus stakes. */
    public record SettledTotals(long settled, long won, long profit) {}

    /** One calibration bucket: settled forecasts placed at that crowd probability, and how many won. */
    public record BucketCount(long forecasts, long won) {
        public static final BucketCount NONE = new BucketCount(0, 0);
    }

    /** One user's totals in a ranking window. */
    public record Aggregate(UUID userId, double score, int forecasts, int won) {}

    static List<UUID> distinctUsers(List<ForecastSettled> forecasts) {
        List<UUID> users = new ArrayList<>();
        forecasts.stream()
                .map(ForecastSettled::userId)
                .distinct()
                .sorted(Uuids.POSTGRES_ORDER)
                .forEach(users::add);
        return users;
    }
}
