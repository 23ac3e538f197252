package com.pilimarket.reputation.internal;

import static com.pilimarket.reputation.BadgeCatalog.CONTRARIAN;
import static com.pilimarket.reputation.BadgeCatalog.EARLY_BIRD;
import static com.pilimarket.reputation.BadgeCatalog.FIRST_FORECAST;
import static com.pilimarket.reputation.BadgeCatalog.FIRST_WIN;
import static com.pilimarket.reputation.BadgeCatalog.HIGH_ROLLER;
import static com.pilimarket.reputation.BadgeCatalog.SHARP_10;
import static com.pilimarket.reputation.BadgeCatalog.STREAK_5;

import com.pilimarket.reputation.BadgeCatalog;
import com.pilimarket.reputation.internal.ReputationRecords.SettledRow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The badge rules of PRODUCT.md §5 as pure functions of a user's record, so that re-evaluating them after a
 * redelivered event gives the same answer (the {@code user_badges} key makes each award happen once).
 */
final class BadgeRules {

    static final long HIGH_ROLLER_STAKE = 10_000;
    static final int SHARP_WINS = 10;
    static final int STREAK = 5;
    static final double CONTRARIAN_BELOW = 0.25;
    static final Duration EARLY = Duration.ofHours(1);
    static final int EXPERT_SETTLED = 10;

    private BadgeRules() {}

    /** Badges earned by placing forecasts: {@code forecasts} placed, {@code totalStaked} chips in all. */
    static Set<String> forPlacements(long forecasts, long totalStaked) {
        Set<String> badges = new LinkedHashSet<>();
        if (forecasts >= 1) {
            badges.add(FIRST_FORECAST);
        }
        if (totalStaked >= HIGH_ROLLER_STAKE) {
            badges.add(HIGH_ROLLER);
        }
        return badges;
    }

    /** Badges earned by settled forecasts; {@code history} is won/lost only (no refunds), in settlement order. */
    static Set<String> forSettled(List<SettledRow> history) {
        Set<String> badges = new LinkedHashSet<>();
        int wins = 0;
        int run = 0;
        Map<String, Integer> countByCategory = new LinkedHashMap<>();
        Map<String, Double> skillByCategory = new LinkedHashMap<>();
        for (SettledRow row : history) {
            countByCategory.merge(row.category(), 1, Integer::sum);
            skillByCategory.merge(row.category(), row.skill(), Double::sum);
            if (!row.won()) {
                run = 0;
                continue;
            }
            wins++;
            run++;
            if (row.crowdProbability() < CONTRARIAN_BELOW) {
                badges.add(CONTRARIAN);
            }
            if (!row.placedAt().isAfter(row.marketCreatedAt().plus(EARLY))) {
                badges.add(EARLY_BIRD);
            }
            if (run >= STREAK) {
                badges.add(STREAK_5);
            }
        }
        if (wins >= 1) {
            badges.add(FIRST_WIN);
        }
        if (wins >= SHARP_WINS) {
            badges.add(SHARP_10);
        }
        countByCategory.forEach((category, count) -> {
            if (count >= EXPERT_SETTLED && skillByCategory.get(category) > 0) {
                badges.add(BadgeCatalog.categoryExpert(category));
            }
        });
        return badges;
    }
}
