package com.pilimarket.moderation.internal;

import com.pilimarket.moderation.internal.Finding.Repeat;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code long_shot_sniper}: a fresh account that puts (nearly) everything on long shots just before
 * markets close, across several markets: the pattern of throwaway accounts fishing for a lucky
 * leaderboard run, or of someone who knows the outcome early. "Everything" is measured against the
 * ledger: the long-shot stakes over those stakes plus the balance left after the last of them.
 */
@Component
class LongShotSniperRule implements FraudRule {

    static final String NAME = "long_shot_sniper";

    private final JdbcClient jdbc;
    private final FraudProperties.LongShotSniper settings;

    LongShotSniperRule(JdbcClient jdbc, FraudProperties properties) {
        this.jdbc = jdbc;
        this.settings = properties.longShotSniper();
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Shot(
            UUID forecastId, UUID userId, UUID marketId, long points, double crowdProbability, long balanceAfter) {}

    @Override
    public List<Finding> scan(Instant now) {
        // Accounts created up to twice the age limit ago: their early forecasts may still be unreviewed.
        Instant youngest = now.minus(settings.maxAccountAge().multipliedBy(2));
        List<Shot> shots = jdbc.sql("""
                        SELECT f.id, f.user_id, f.market_id, f.points, f.crowd_probability, last.balance_after
                        FROM user_view u
                        JOIN forecast_view f ON f.user_id = u.id
                        JOIN market_view m ON m.id = f.market_id
                        CROSS JOIN LATERAL (
                            SELECT e.entry_id AS id, e.created_at, e.balance_after
                            FROM ledger_posting_view e
                            WHERE e.user_id = f.user_id AND e.reference LIKE 'forecast:' || f.id || ':%'
                            ORDER BY e.entry_id DESC LIMIT 1
                        ) last
                        WHERE u.created_at >= :youngest
                          AND f.crowd_probability < :maxProbability
                          AND last.created_at <= m.closes_at
                          AND last.created_at >= m.closes_at - make_interval(secs => :beforeClose)
                          AND last.created_at < u.created_at + make_interval(secs => :maxAge)
                        ORDER BY f.user_id, last.id
                        """)
                .param("youngest", OffsetDateTime.ofInstant(youngest, ZoneOffset.UTC))
                .param("maxProbability", settings.maxCrowdProbability())
                .param("beforeClose", (double) settings.beforeClose().toSeconds())
                .param("maxAge", (double) settings.maxAccountAge().toSeconds())
                .query((rs, n) -> new Shot(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getLong(4),
                        rs.getDouble(5),
                        rs.getLong(6)))
                .list();
        Map<UUID, List<Shot>> byUser = new LinkedHashMap<>();
        shots.forEach(
                s -> byUser.computeIfAbsent(s.userId(), k -> new ArrayList<>()).add(s));
        List<Finding> found = new ArrayList<>();
        byUser.forEach((user, own) -> found.addAll(judge(user, own)));
        return found;
    }

    private List<Finding> judge(UUID user, List<Shot> shots) {
        Set<UUID> markets = new LinkedHashSet<>();
        long staked = 0;
        for (Shot shot : shots) {
            markets.add(shot.marketId());
            staked += shot.points();
        }
        long left = shots.get(shots.size() - 1).balanceAfter();
        double share = (double) staked / (staked + left);
        if (markets.size() < settings.minMarkets() || share < settings.minStakeShare()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("markets", markets.size());
        evidence.put("long_shot_stake", staked);
        evidence.put("balance_left", left);
        evidence.put("stake_share", Math.round(share * 1000) / 1000.0);
        evidence.put("max_crowd_probability", settings.maxCrowdProbability());
        evidence.put("before_close_minutes", settings.beforeClose().toMinutes());
        evidence.put("max_account_age_days", settings.maxAccountAge().toDays());
        evidence.put(
                "forecast_ids",
                shots.stream().map(s -> s.forecastId().toString()).toList());
        List<Finding> found = new ArrayList<>();
        found.add(Finding.user(user, NAME, evidence, Repeat.UNLESS_CLEARED));
        for (Shot shot : shots) {
            Map<String, Object> own = new LinkedHashMap<>();
            own.put("market_id", shot.marketId().toString());
            own.put("points", shot.points());
            own.put("crowd_probability", shot.crowdProbability());
            own.put("stake_share", evidence.get("stake_share"));
            found.add(new Finding(SubjectType.FORECAST, shot.forecastId(), user, NAME, own, Repeat.UNLESS_CLEARED));
        }
        return found;
    }
}
