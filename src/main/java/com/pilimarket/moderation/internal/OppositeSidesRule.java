package com.pilimarket.moderation.internal;

import com.pilimarket.moderation.internal.Finding.Repeat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code opposite_sides}: two accounts that keep taking different outcomes of the same markets (one
 * feeds the other's pool, or both hedge one owner's bet). Flags both accounts and every forecast of
 * the pair where they stood on opposite sides.
 */
@Component
class OppositeSidesRule implements FraudRule {

    static final String NAME = "opposite_sides";

    private final JdbcClient jdbc;
    private final FraudProperties.OppositeSides settings;

    OppositeSidesRule(JdbcClient jdbc, FraudProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.oppositeSides();
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Pair(
            UUID first,
            UUID second,
            int shared,
            int opposite,
            List<UUID> markets,
            List<UUID> firstForecasts,
            List<UUID> secondForecasts) {}

    @Override
    public List<Finding> scan(Instant now) {
        List<Pair> pairs = jdbc.sql("""
                        WITH recent AS (
                            SELECT f.id, f.user_id, f.market_id, f.outcome_id
                            FROM forecast_view f JOIN market_view m ON m.id = f.market_id
                            WHERE f.created_at >= :since AND m.forecaster_count <= :maxForecasters
                        )
                        SELECT a.user_id, b.user_id, count(*),
                               count(*) FILTER (WHERE a.outcome_id <> b.outcome_id),
                               array_agg(a.market_id ORDER BY a.market_id) FILTER (WHERE a.outcome_id <> b.outcome_id),
                               array_agg(a.id ORDER BY a.market_id) FILTER (WHERE a.outcome_id <> b.outcome_id),
                               array_agg(b.id ORDER BY a.market_id) FILTER (WHERE a.outcome_id <> b.outcome_id)
                        FROM recent a JOIN recent b ON b.market_id = a.market_id AND a.user_id < b.user_id
                        GROUP BY a.user_id, b.user_id
                        HAVING count(*) >= :minShared
                           AND count(*) FILTER (WHERE a.outcome_id <> b.outcome_id) >= :minShare * count(*)
                        """)
                .param("since", OffsetDateTime.ofInstant(now.minus(settings.window()), ZoneOffset.UTC))
                .param("maxForecasters", settings.maxMarketForecasters())
                .param("minShared", settings.minSharedMarkets())
                .param("minShare", settings.minOppositeShare())
                .query((rs, n) -> new Pair(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getInt(3),
                        rs.getInt(4),
                        SignupClusterRule.uuids(rs.getArray(5)),
                        SignupClusterRule.uuids(rs.getArray(6)),
                        SignupClusterRule.uuids(rs.getArray(7))))
                .list();
        List<Finding> found = new ArrayList<>();
        for (Pair pair : pairs) {
            found.add(Finding.user(pair.first(), NAME, evidence(pair, pair.second()), Repeat.UNLESS_CLEARED));
            found.add(Finding.user(pair.second(), NAME, evidence(pair, pair.first()), Repeat.UNLESS_CLEARED));
            for (int i = 0; i < pair.markets().size(); i++) {
                UUID market = pair.markets().get(i);
                UUID firstForecast = pair.firstForecasts().get(i);
                UUID secondForecast = pair.secondForecasts().get(i);
                found.add(new Finding(
                        SubjectType.FORECAST,
                        firstForecast,
                        pair.first(),
                        NAME,
                        forecastEvidence(pair, market, pair.second(), secondForecast),
                        Repeat.UNLESS_CLEARED));
                found.add(new Finding(
                        SubjectType.FORECAST,
                        secondForecast,
                        pair.second(),
                        NAME,
                        forecastEvidence(pair, market, pair.first(), firstForecast),
                        Repeat.UNLESS_CLEARED));
            }
        }
        return found;
    }

    private Map<String, Object> evidence(Pair pair, UUID partner) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (partner != null) {
            evidence.put("partner_id", partner.toString());
        }
        evidence.put("shared_markets", pair.shared());
        evidence.put("opposite_markets", pair.opposite());
        evidence.put("min_shared_markets", settings.minSharedMarkets());
        evidence.put("min_opposite_share", settings.minOppositeShare());
        evidence.put("market_ids", pair.markets().stream().map(UUID::toString).toList());
        return evidence;
    }

    private Map<String, Object> forecastEvidence(Pair pair, UUID market, UUID partner, UUID partnerForecast) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("partner_id", partner.toString());
        evidence.put("partner_forecast_id", partnerForecast.toString());
        evidence.put("market_id", market.toString());
        evidence.put("shared_markets", pair.shared());
        evidence.put("opposite_markets", pair.opposite());
        return evidence;
    }
}
