package com.pilimarket.reputation.internal;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastSettled;
import com.pilimarket.reputation.RankingMetric;
import com.pilimarket.reputation.SkillPoints;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the reputation read model ({@code rep_forecasts}, {@code settled_forecasts}) and {@code user_badges}. */
@Repository
public class ReputationRecords {

    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate template;

    ReputationRecords(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
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

    /** Per user: [forecasts, total staked] over the read model (users with none are absent). */
    Map<UUID, long[]> placementTotals(Collection<UUID> userIds) {
        Map<UUID, long[]> totals = new HashMap<>();
        template.query(
                con -> {
                    var ps = con.prepareStatement("SELECT user_id, count(*), coalesce(sum(total_points), 0)"
                            + " FROM rep_forecasts WHERE user_id = ANY(?::uuid[]) GROUP BY user_id");
                    ps.setArray(1, con.createArrayOf("uuid", userIds.toArray()));
                    return ps;
                },
                rs -> {
                    totals.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return totals;
    }

    /** The badges each of these users holds (users with none are absent). */
    Map<UUID, Set<String>> badgesOf(Collection<UUID> userIds) {
        Map<UUID, Set<String>> held = new HashMap<>();
        template.query(
                con -> {
                    var ps = con.prepareStatement(
                            "SELECT user_id, badge FROM user_badges WHERE user_id = ANY(?::uuid[])");
                    ps.setArray(1, con.createArrayOf("uuid", userIds.toArray()));
                    return ps;
                },
                rs -> {
                    held.computeIfAbsent(rs.getObject(1, UUID.class), u -> new HashSet<>())
                            .add(rs.getString(2));
                });
        return held;
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

    /** Stores settled forecasts; a redelivered settlement changes nothing. */
    void recordSettled(List<ForecastSettled> forecasts) {
        for (int from = 0; from < forecasts.size(); from += CHUNK) {
            List<ForecastSettled> chunk = forecasts.subList(from, Math.min(forecasts.size(), from + CHUNK));
            MapSqlParameterSource[] batch = chunk.stream()
                    .map(f -> new MapSqlParameterSource()
                            .addValue("forecast", f.forecastId())
                            .addValue("user", f.userId())
                            .addValue("market", f.marketId())
                            .addValue("category", f.category())
                            .addValue("outcome", f.outcomeId())
                            .addValue("won", f.won() && !f.refunded())
                            .addValue("refunded", f.refunded())
                            .addValue("stake", f.stake())
                            .addValue("payout", f.payout())
                            .addValue("q", f.crowdProbability())
                            .addValue("skill", SkillPoints.of(f.won(), f.refunded(), f.crowdProbability()))
                            .addValue("placed", Timestamp.from(f.placedAt()))
                            .addValue("created", Timestamp.from(f.marketCreatedAt()))
                            .addValue("settled", Timestamp.from(f.settledAt()))
                            .addValue("flagged", f.flagged()))
                    .toArray(MapSqlParameterSource[]::new);
            named.batchUpdate("""
                    INSERT INTO settled_forecasts (forecast_id, user_id, market_id, category, outcome_id, won, refunded,
                        stake, payout, crowd_probability, skill, placed_at, market_created_at, settled_at, flagged)
                    VALUES (:forecast, :user, :market, :category, :outcome, :won, :refunded, :stake, :payout, :q,
                        :skill, :placed, :created, :settled, :flagged)
                    ON CONFLICT (forecast_id) DO NOTHING
                    """, batch);
        }
    }

    /** Σ skill over each user's settled (non-refunded) forecasts; users with none are absent. */
    Map<UUID, Double> skillTotals(Collection<UUID> userIds) {
        Map<UUID, Double> totals = new HashMap<>();
        List<UUID> ids = List.copyOf(userIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT user_id, sum(skill) AS total FROM settled_forecasts "
                            + "WHERE user_id IN (:ids) AND NOT refunded GROUP BY user_id")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, n) -> totals.put(rs.getObject("user_id", UUID.class), rs.getDouble("total")))
                    .list();
        }
        return totals;
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

    /** Inserts the badge unless the user holds it; true if this call awarded it. */
    boolean award(UUID userId, String badge, Instant at, String metadataJson) {
        return jdbc.sql("INSERT INTO user_badges (user_id, badge, awarded_at, metadata) "
                                + "VALUES (:user, :badge, :at, CAST(:metadata AS jsonb)) ON CONFLICT DO NOTHING")
                        .param("user", userId)
                        .param("badge", badge)
                        .param("at", Timestamp.from(at))
                        .param("metadata", metadataJson)
                        .update()
                == 1;
    }

    /**
     * Ranks users by {@code metric} over forecasts settled in [{@code from}, {@code to}) (either may be
     * null: unbounded), optionally in one category. Refunded and flagged forecasts do not count; a
     * forecast flagged after settlement (forecasts.is_flagged, read here because no event carries it
     * yet) drops out at the next recompute. Ties: score desc, forecasts desc, user id.
     */
    public List<Aggregate> ranking(Instant from, Instant to, String category, RankingMetric metric, Integer limit) {
        StringBuilder where = new StringBuilder("NOT s.refunded AND NOT s.flagged"
                + " AND NOT EXISTS (SELECT 1 FROM forecasts f WHERE f.id = s.forecast_id AND f.is_flagged)");
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

    /** Settled totals for stats: [settled, won, profit]. */
    public long[] totals(UUID userId) {
        return jdbc.sql("""
                        SELECT count(*) AS settled, count(*) FILTER (WHERE won) AS won,
                               coalesce(sum(payout - stake), 0) AS profit
                        FROM settled_forecasts WHERE user_id = :user AND NOT refunded
                        """)
                .param("user", userId)
                .query((rs, n) -> new long[] {rs.getLong("settled"), rs.getLong("won"), rs.getLong("profit")})
                .single();
    }

    /** Per calibration bucket (0..9, by crowd probability): [forecasts, won]. */
    public Map<Integer, long[]> calibration(UUID userId) {
        Map<Integer, long[]> buckets = new HashMap<>();
        jdbc.sql("""
                        SELECT least(floor(crowd_probability * 10)::int, 9) AS bucket, count(*) AS forecasts,
                               count(*) FILTER (WHERE won) AS won
                        FROM settled_forecasts WHERE user_id = :user AND NOT refunded GROUP BY 1
                        """)
                .param("user", userId)
                .query((rs, n) ->
                        buckets.put(rs.getInt("bucket"), new long[] {rs.getLong("forecasts"), rs.getLong("won")}))
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

    /** One user's totals in a ranking window. */
    public record Aggregate(UUID userId, double score, int forecasts, int won) {}

    static List<UUID> distinctUsers(List<ForecastSettled> forecasts) {
        List<UUID> users = new ArrayList<>();
        forecasts.stream().map(ForecastSettled::userId).distinct().sorted().forEach(users::add);
        return users;
    }
}
