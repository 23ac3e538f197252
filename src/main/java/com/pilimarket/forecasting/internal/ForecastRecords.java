package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.ForecastView;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the forecasting module: the {@code forecasts} table. */
@Repository
class ForecastRecords {

    private static final String COLUMNS = """
            id, user_id, market_id, outcome_id, points, placements, crowd_probability, status, payout,
            is_flagged, settled_at, created_at, updated_at
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ForecastRecords(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A row of {@code forecasts}. */
    record ForecastRow(
            UUID id,
            UUID userId,
            UUID marketId,
            UUID outcomeId,
            long points,
            int placements,
            double crowdProbability,
            String status,
            Long payout,
            boolean flagged,
            OffsetDateTime settledAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        ForecastView view() {
            return new ForecastView(
                    id, marketId, outcomeId, points, status, crowdProbability, payout, createdAt, updatedAt);
        }
    }

    private static ForecastRow row(ResultSet rs, int n) throws SQLException {
        long payout = rs.getLong("payout");
        return new ForecastRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("market_id", UUID.class),
                rs.getObject("outcome_id", UUID.class),
                rs.getLong("points"),
                rs.getInt("placements"),
                rs.getDouble("crowd_probability"),
                rs.getString("status"),
                rs.wasNull() ? null : payout,
                rs.getBoolean("is_flagged"),
                rs.getObject("settled_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    Optional<ForecastRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM forecasts WHERE id = :id")
                .param("id", id)
                .query(ForecastRecords::row)
                .optional();
    }

    Optional<ForecastRow> findByUserAndMarket(UUID userId, UUID marketId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM forecasts WHERE user_id = :u AND market_id = :m")
                .param("u", userId)
                .param("m", marketId)
                .query(ForecastRecords::row)
                .optional();
    }

    Optional<ForecastRow> lockByUserAndMarket(UUID userId, UUID marketId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM forecasts WHERE user_id = :u AND market_id = :m FOR UPDATE")
                .param("u", userId)
                .param("m", marketId)
                .query(ForecastRecords::row)
                .optional();
    }

    /** False if the user already has a forecast in this market (the unique key is the last line of defence). */
    boolean insert(UUID id, UUID userId, UUID marketId, UUID outcomeId, long points, double crowdProbability) {
        return jdbc.sql("""
                        INSERT INTO forecasts (id, user_id, market_id, outcome_id, points, crowd_probability)
                        VALUES (:id, :u, :m, :o, :points, :q)
                        ON CONFLICT (user_id, market_id) DO NOTHING
                        """)
                        .param("id", id)
                        .param("u", userId)
                        .param("m", marketId)
                        .param("o", outcomeId)
                        .param("points", points)
                        .param("q", crowdProbability)
                        .update()
                == 1;
    }

    void topUp(UUID id, long points, int placements, double crowdProbability) {
        jdbc.sql("""
                        UPDATE forecasts SET points = :points, placements = :placements, crowd_probability = :q,
                               updated_at = clock_timestamp()
                        WHERE id = :id
                        """)
                .param("points", points)
                .param("placements", placements)
                .param("q", crowdProbability)
                .param("id", id)
                .update();
    }

    /** A forecast of a market as the public sees it, with its owner's id. */
    record MarketForecastRow(
            UUID id,
            UUID userId,
            UUID outcomeId,
            long points,
            String status,
            Long payout,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    Page<MarketForecastRow> ofMarket(UUID marketId, PageQuery page) {
        long total = jdbc.sql("SELECT count(*) FROM forecasts WHERE market_id = :m")
                .param("m", marketId)
                .query(Long.class)
                .single();
        List<MarketForecastRow> rows = jdbc
                .sql("SELECT " + COLUMNS + """
                         FROM forecasts WHERE market_id = :m
                        ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset
                        """)
                .param("m", marketId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(ForecastRecords::row)
                .list()
                .stream()
                .map(r -> new MarketForecastRow(
                        r.id(),
                        r.userId(),
                        r.outcomeId(),
                        r.points(),
                        r.status(),
                        r.payout(),
                        r.createdAt(),
                        r.updatedAt()))
                .toList();
        return Page.of(rows, page, total);
    }

    // ------------------------------------------------------------------ settlement

    /** One stake to settle. */
    record StakeRow(UUID id, UUID userId, UUID outcomeId, long points) {}

    /** Every stake of a market, settled or not (the pool and the winners' total never change after resolution). */
    List<StakeRow> stakes(UUID marketId) {
        return jdbc.sql("SELECT id, user_id, outcome_id, points FROM forecasts WHERE market_id = :m ORDER BY id")
                .param("m", marketId)
                .query((rs, n) -> new StakeRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4)))
                .list();
    }

    /** The next batch of unsettled forecasts of a market, locked. */
    List<StakeRow> lockPending(UUID marketId, int limit) {
        return jdbc.sql("""
                        SELECT id, user_id, outcome_id, points FROM forecasts
                        WHERE market_id = :m AND status = 'pending'
                        ORDER BY id LIMIT :limit
                        FOR UPDATE
                        """)
                .param("m", marketId)
                .param("limit", limit)
                .query((rs, n) -> new StakeRow(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4)))
                .list();
    }

    /** Writes the outcome of a batch in one statement. */
    void markSettled(UUID[] ids, String[] statuses, Long[] payouts) {
        template.update(con -> {
            var ps = con.prepareStatement("""
                            UPDATE forecasts f
                            SET status = s.status, payout = s.payout, settled_at = clock_timestamp(),
                                updated_at = clock_timestamp()
                            FROM unnest(?::uuid[], ?::text[], ?::bigint[]) AS s(id, status, payout)
                            WHERE f.id = s.id AND f.status = 'pending'
                            """);
            ps.setArray(1, con.createArrayOf("uuid", ids));
            ps.setArray(2, con.createArrayOf("text", statuses));
            ps.setArray(3, con.createArrayOf("bigint", payouts));
            return ps;
        });
    }

    /** Sets {@code is_flagged} on the given forecasts; returns how many changed. */
    int updateFlagged(UUID[] ids, boolean flagged) {
        return template.update(con -> {
            var ps = con.prepareStatement(
                    "UPDATE forecasts SET is_flagged = ? WHERE id = ANY (?::uuid[]) AND is_flagged <> ?");
            ps.setBoolean(1, flagged);
            ps.setArray(2, con.createArrayOf("uuid", ids));
            ps.setBoolean(3, flagged);
            return ps;
        });
    }

    boolean hasPending(UUID marketId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM forecasts WHERE market_id = :m AND status = 'pending')")
                .param("m", marketId)
                .query(Boolean.class)
                .single();
    }

    List<ForecastRow> allOf(UUID marketId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM forecasts WHERE market_id = :m ORDER BY id")
                .param("m", marketId)
                .query(ForecastRecords::row)
                .list();
    }
}
