package com.pilimarket.markets.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
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

    /** Adds placed stakes to the outcome and market totals (under the market lock): two statements. */
    void addStakes(UUID marketId, Map<UUID, Long> pointsByOutcome, int newForecasters) {
        UUID[] outcomes = pointsByOutcome.keySet().toArray(UUID[]::new);
        Long[] points = pointsByOutcome.values().toArray(Long[]::new);
        int updated = template.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    UPDATE outcomes o SET total_points = o.total_points + d.points
                    FROM unnest(?::uuid[], ?::bigint[]) AS d(id, points)
                    WHERE o.id = d.id AND o.market_id = ?
                    """);
            ps.setArray(1, con.createArrayOf("uuid", outcomes));
            ps.setArray(2, con.createArrayOf("bigint", points));
            ps.setObject(3, marketId);
            return ps;
        });
        if (updated != outcomes.length) {
            throw new IllegalStateException("not all of " + pointsByOutcome.keySet() + " are outcomes of " + marketId);
        }
        long total =
                pointsByOutcome.values().stream().mapToLong(Long::longValue).reduce(0, Math::addExact);
        jdbc.sql("""
                        UPDATE markets SET total_points = total_points + :points,
                               forecaster_count = forecaster_count + :newForecasters, updated_at = now()
                        WHERE id = :market
                        """)
                .param("points", total)
                .param("newForecasters", newForecasters)
                .param("market", marketId)
                .update();
    }
}
