package com.pilimarket.discovery.internal;

import com.pilimarket.forecasting.ForecastPlaced;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the discovery module, on its own table {@code discovery_stakes} (V140). */
@Repository
class PlacementLog {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PlacementLog(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A market's activity in a window: chips staked and distinct forecasters. */
    record Activity(UUID marketId, long volume, int forecasters) {}

    /** Records placements; one seen before (a redelivered event) is skipped. */
    void record(List<ForecastPlaced> placements) {
        template.batchUpdate("""
                INSERT INTO discovery_stakes (forecast_id, total_points, user_id, market_id, category, points, placed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, placements, placements.size(), (ps, p) -> {
            ps.setObject(1, p.forecastId());
            ps.setLong(2, p.totalPoints());
            ps.setObject(3, p.userId());
            ps.setObject(4, p.marketId());
            ps.setString(5, p.category());
            ps.setLong(6, p.points());
            ps.setTimestamp(7, Timestamp.from(p.placedAt()));
        });
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
