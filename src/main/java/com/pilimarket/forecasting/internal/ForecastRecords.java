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

/** SQL of the {@code forecasts} table for placing and reading forecasts; settlement's is {@link SettlementRecords}. */
@Repository
class ForecastRecords {

    static final String COLUMNS = """
            id, user_id, market_id, outcome_id, points, placements, crowd_probability, status, payout,
            is_flagged, settled_at, created_at, updated_at
            """;

    /** {@link #COLUMNS} qualified with {@code f.}, for statements that join another relation with the same names. */
    private static final String COLUMNS_OF_F = COLUMNS.replaceAll("(\\w+)", "f.$1");

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

    static ForecastRow row(ResultSet rs, int n) throws SQLException {
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

    // ------------------------------------------------------------------ group commit

    /** A user's place on a market: whose forecast, on which market. */
    record MarketUser(UUID marketId, UUID userId) {}

    /**
     * Reads and locks the forecasts these users hold on these markets (pairs that hold none are left
     * out), in (market, user) order: PostgreSQL's, the one lock order. One statement for any number of
     * markets.
     */
    List<ForecastRow> lockByMarketsAndUsers(List<MarketUser> holders) {
        if (holders.isEmpty()) {
            return List.of();
        }
        return template.query(
                BatchStatements.of(
                        "SELECT " + COLUMNS_OF_F + " FROM forecasts f"
                                + " JOIN unnest(?::uuid[], ?::uuid[]) AS d(m, u) ON f.market_id = d.m AND f.user_id = d.u"
                                + " ORDER BY f.market_id, f.user_id FOR UPDATE OF f",
                        BatchStatements.array(
                                "uuid", BatchStatements.column(holders, MarketUser::marketId, UUID[]::new)),
                        BatchStatements.array(
                                "uuid", BatchStatements.column(holders, MarketUser::userId, UUID[]::new))),
                ForecastRecords::row);
    }

    /** A forecast to open: its id, owner, market, outcome, stake and crowd probability. */
    record NewForecast(UUID id, UUID userId, UUID marketId, UUID outcomeId, long points, double crowdProbability) {}

    /**
     * Opens many forecasts, of any markets, in one statement and returns them as stored. A user who
     * already holds one on that market is skipped (the unique key), so fewer rows than given means a
     * conflict.
     */
    List<ForecastRow> insertAll(List<NewForecast> forecasts) {
        return template.query(
                BatchStatements.of(
                        "INSERT INTO forecasts (id, user_id, market_id, outcome_id, points, crowd_probability)"
                                + " SELECT d.id, d.u, d.m, d.o, d.points, d.q"
                                + " FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::float8[])"
                                + " AS d(id, u, m, o, points, q)"
                                + " ON CONFLICT (user_id, market_id) DO NOTHING RETURNING " + COLUMNS,
                        BatchStatements.array("uuid", BatchStatements.column(forecasts, NewForecast::id, UUID[]::new)),
                        BatchStatements.array(
                                "uuid", BatchStatements.column(forecasts, NewForecast::userId, UUID[]::new)),
                        BatchStatements.array(
                                "uuid", BatchStatements.column(forecasts, NewForecast::marketId, UUID[]::new)),
                        BatchStatements.array(
                                "uuid", BatchStatements.column(forecasts, NewForecast::outcomeId, UUID[]::new)),
                        BatchStatements.array(
                                "bigint", BatchStatements.column(forecasts, NewForecast::points, Long[]::new)),
                        BatchStatements.array(
                                "float8",
                                BatchStatements.column(forecasts, NewForecast::crowdProbability, Double[]::new))),
                ForecastRecords::row);
    }

    /** A top-up to write: the forecast's new stake, placement count and crowd probability. */
    record ToppedUp(UUID id, long points, int placements, double crowdProbability) {}

    /** Writes many top-ups in one statement and returns the forecasts as stored. */
    List<ForecastRow> topUpAll(List<ToppedUp> topUps) {
        return template.query(
                BatchStatements.of(
                        "UPDATE forecasts f SET points = d.points, placements = d.n,"
                                + " crowd_probability = d.q, updated_at = clock_timestamp()"
                                + " FROM unnest(?::uuid[], ?::bigint[], ?::int[], ?::float8[]) AS d(id, points, n, q)"
                                + " WHERE f.id = d.id RETURNING " + COLUMNS_OF_F,
                        BatchStatements.array("uuid", BatchStatements.column(topUps, ToppedUp::id, UUID[]::new)),
                        BatchStatements.array("bigint", BatchStatements.column(topUps, ToppedUp::points, Long[]::new)),
                        BatchStatements.array(
                                "int", BatchStatements.column(topUps, ToppedUp::placements, Integer[]::new)),
                        BatchStatements.array(
                                "float8", BatchStatements.column(topUps, ToppedUp::crowdProbability, Double[]::new))),
                ForecastRecords::row);
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

    /** Sets {@code is_flagged} on the given forecasts; returns how many changed. */
    int updateFlagged(UUID[] ids, boolean flagged) {
        return template.update(BatchStatements.of(
                "UPDATE forecasts SET is_flagged = ? WHERE id = ANY (?::uuid[]) AND is_flagged <> ?",
                flagged,
                BatchStatements.array("uuid", ids),
                flagged));
    }
}
