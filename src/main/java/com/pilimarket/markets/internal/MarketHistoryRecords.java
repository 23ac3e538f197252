package com.pilimarket.markets.internal;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of a market's probability history ({@code market_history}): the points placements add, and the chart's reads. */
@Repository
class MarketHistoryRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MarketHistoryRecords(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A history point to write: a market and its odds as JSON. */
    record Point(UUID marketId, String probabilitiesJson) {}

    /**
     * One history point per element, in order, in one statement, whatever their markets.
     * clock_timestamp(), not now(): now() is when the transaction started, and placements commit in the
     * order of the market lock, not in the order they started; WITH ORDINALITY keeps the points in the
     * order given.
     */
    void insertHistory(List<Point> points) {
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    INSERT INTO market_history (market_id, at, probabilities)
                    SELECT h.m, clock_timestamp(), CAST(h.p AS jsonb)
                    FROM unnest(?::uuid[], ?::text[]) WITH ORDINALITY AS h(m, p, n)
                    ORDER BY h.n
                    """);
            ps.setArray(
                    1,
                    con.createArrayOf(
                            "uuid", points.stream().map(Point::marketId).toArray()));
            ps.setArray(
                    2,
                    con.createArrayOf(
                            "text",
                            points.stream().map(Point::probabilitiesJson).toArray()));
            return ps;
        });
    }

    /**
     * Sets the market's created_at to {@code from} and spreads its history points over
     * [from, to): the n-th of c points lands at a random moment in the n-th of c equal slices, so
     * the order is kept, the gaps look irregular and the last point stays the current odds.
     */
    void backdateHistory(UUID marketId, OffsetDateTime from, OffsetDateTime to) {
        jdbc.sql("UPDATE markets SET created_at = :from WHERE id = :m")
                .param("from", from)
                .param("m", marketId)
                .update();
        jdbc.sql("""
                        WITH h AS (
                            SELECT id, row_number() OVER (ORDER BY at, id) AS rn, count(*) OVER () AS c
                            FROM market_history WHERE market_id = :m
                        )
                        UPDATE market_history mh
                        SET at = CAST(:from AS timestamptz)
                                 + (CAST(:to AS timestamptz) - CAST(:from AS timestamptz))
                                   * ((h.rn - 1 + 0.15 + 0.7 * random()) / h.c)
                        FROM h WHERE mh.id = h.id
                        """).param("m", marketId).param("from", from).param("to", to).update();
    }

    /** A point of history: when, and the probabilities as stored (JSON). */
    record HistoryRow(OffsetDateTime at, String probabilitiesJson) {}

    /** History since {@code from} (all when null), thinned evenly to at most about {@code maxPoints} rows. */
    List<HistoryRow> history(UUID marketId, OffsetDateTime from, int maxPoints) {
        return jdbc.sql("""
                        WITH h AS (
                            SELECT at, probabilities::text AS p,
                                   row_number() OVER (ORDER BY at, id) AS rn, count(*) OVER () AS c
                            FROM market_history
                            WHERE market_id = :m AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)
                        )
                        SELECT at, p FROM h
                        WHERE c <= :max OR (rn - 1) % ceil(c / CAST(:max - 1 AS numeric)) = 0 OR rn = c
                        ORDER BY rn
                        """)
                .param("m", marketId)
                .param("from", from)
                .param("max", maxPoints)
                .query((rs, n) -> new HistoryRow(rs.getObject(1, OffsetDateTime.class), rs.getString(2)))
                .list();
    }
}
