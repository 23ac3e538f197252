package com.pilimarket.markets.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of what forecasting changes on a market under its lock: stake totals, the settlement fee and settled_at. */
@Repository
class MarketStakeRecords {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    MarketStakeRecords(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * The house fee fixed for this market's settlement; a market resolved before the fee was recorded
     * gets {@code current} fixed now (in the caller's transaction, which posts the house share).
     */
    BigDecimal fixSettlementFee(UUID id, BigDecimal current) {
        return jdbc.sql("""
                        UPDATE markets SET settlement_fee_percent = coalesce(settlement_fee_percent, :fee)
                        WHERE id = :id RETURNING settlement_fee_percent
                        """)
                .param("fee", current)
                .param("id", id)
                .query(BigDecimal.class)
                .single();
    }

    /** True if this call set {@code settled_at}; a second call (a re-run) changes nothing. */
    boolean markSettled(UUID id) {
        return jdbc.sql(
                                "UPDATE markets SET settled_at = now(), updated_at = now() WHERE id = :id AND settled_at IS NULL")
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Chips added to one outcome of one market. */
    record AddedStake(UUID marketId, UUID outcomeId, long points) {}

    /**
     * Adds placed stakes to the outcome and market totals of any number of markets (under their
     * locks): two statements. {@code newForecasters} holds every market with stakes, with how many
     * forecasters it gained.
     */
    void addStakes(List<AddedStake> added, Map<UUID, Integer> newForecasters) {
        int updated = template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    UPDATE outcomes o SET total_points = o.total_points + d.points
                    FROM unnest(?::uuid[], ?::uuid[], ?::bigint[]) AS d(market_id, id, points)
                    WHERE o.id = d.id AND o.market_id = d.market_id
                    """);
            ps.setArray(
                    1,
                    con.createArrayOf(
                            "uuid", added.stream().map(AddedStake::marketId).toArray()));
            ps.setArray(
                    2,
                    con.createArrayOf(
                            "uuid", added.stream().map(AddedStake::outcomeId).toArray()));
            ps.setArray(
                    3,
                    con.createArrayOf(
                            "bigint", added.stream().map(AddedStake::points).toArray()));
            return ps;
        });
        if (updated != added.size()) {
            throw new IllegalStateException("not all of " + added + " are outcomes of their markets");
        }
        Map<UUID, Long> totals = new LinkedHashMap<>();
        added.forEach(stake -> totals.merge(stake.marketId(), stake.points(), Math::addExact));
        UUID[] markets = newForecasters.keySet().toArray(UUID[]::new);
        Long[] points = new Long[markets.length];
        Integer[] fresh = new Integer[markets.length];
        for (int i = 0; i < markets.length; i++) {
            points[i] = totals.getOrDefault(markets[i], 0L);
            fresh[i] = newForecasters.get(markets[i]);
        }
        template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    UPDATE markets m SET total_points = m.total_points + d.points,
                           forecaster_count = m.forecaster_count + d.fresh, updated_at = now()
                    FROM unnest(?::uuid[], ?::bigint[], ?::int[]) AS d(id, points, fresh)
                    WHERE m.id = d.id
                    """);
            ps.setArray(1, con.createArrayOf("uuid", markets));
            ps.setArray(2, con.createArrayOf("bigint", points));
            ps.setArray(3, con.createArrayOf("int", fresh));
            return ps;
        });
    }
}
