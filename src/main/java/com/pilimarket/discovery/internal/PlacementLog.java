package com.pilimarket.discovery.internal;

import com.pilimarket.forecasting.ForecastPlaced;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the discovery module, on its own table {@code discovery_stakes} (V140). */
@Repository
class PlacementLog {

    private final JdbcClient jdbc;

    PlacementLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A market's activity in a window: chips staked and distinct forecasters. */
    record Activity(UUID marketId, long volume, int forecasters) {}

    /**
     * Records placements, all of an event in one statement (a window of the placement feed holds
     * hundreds: one statement per row cost a parse, bind and execute each); one seen before (a
     * redelivered event) is skipped.
     */
    void record(List<ForecastPlaced> placements) {
        if (placements.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO discovery_stakes (forecast_id, total_points, user_id, market_id, category, points, placed_at)
                        SELECT f, t, u, m, c, p, at::timestamptz
                        FROM unnest(CAST(:forecasts AS uuid[]), CAST(:totals AS bigint[]), CAST(:users AS uuid[]),
                                    CAST(:markets AS uuid[]), CAST(:categories AS text[]), CAST(:points AS bigint[]),
                                    CAST(:placed AS text[])) AS d(f, t, u, m, c, p, at)
                        ON CONFLICT DO NOTHING
                        """)
                .param(
                        "forecasts",
                        placements.stream().map(ForecastPlaced::forecastId).toArray(UUID[]::new))
                .param(
                        "totals",
                        placements.stream().map(ForecastPlaced::totalPoints).toArray(Long[]::new))
                .param("users", placements.stream().map(ForecastPlaced::userId).toArray(UUID[]::new))
                .param(
                        "markets",
                        placements.stream().map(ForecastPlaced::marketId).toArray(UUID[]::new))
                .param(
                        "categories",
                        placements.stream().map(ForecastPlaced::category).toArray(String[]::new))
                .param("points", placements.stream().map(ForecastPlaced::points).toArray(Long[]::new))
                // ISO-8601 instants: exact and free of the session's time zone.
                .param(
                        "placed",
                        placements.stream().map(p -> p.placedAt().toString()).toArray(String[]::new))
                .update();
    }

    /**
     * The markets with the most forecasters since {@code since}, then the most chips — breadth first,
     * so one large stake does not outrank a market many people are forecasting in.
     */
    List<Activity> busiestSince(Instant since, int limit) {
        return jdbc.sql("""
                        SELECT market_id, sum(points) AS volume, count(DISTINCT user_id) AS forecasters
                        FROM discovery_stakes WHERE placed_at >= :since
                        GROUP BY market_id
                        ORDER BY count(DISTINCT user_id) DESC, sum(points) DESC, market_id
                        LIMIT :limit
                        """)
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, n) -> new Activity(
                        rs.getObject("market_id", UUID.class), rs.getLong("volume"), rs.getInt("forecasters")))
                .list();
    }

    /** The markets the user has forecast in, the most recent first. */
    List<UUID> marketsOf(UUID userId, int limit) {
        return jdbc.sql("""
                        SELECT market_id FROM discovery_stakes WHERE user_id = :u
                        GROUP BY market_id ORDER BY max(placed_at) DESC, market_id LIMIT :limit
                        """)
                .param("u", userId)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
