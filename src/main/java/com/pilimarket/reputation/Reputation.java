package com.pilimarket.reputation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pilimarket.reputation.UserStats.CalibrationBucket;
import com.pilimarket.reputation.internal.RankTotals;
import com.pilimarket.reputation.internal.ReputationRecords;
import com.pilimarket.reputation.internal.ReputationRecords.Aggregate;
import com.pilimarket.reputation.internal.ReputationRecords.BucketCount;
import com.pilimarket.reputation.internal.ReputationRecords.SettledTotals;
import com.pilimarket.users.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reputation module's API: profile stats (cached per user, dropped when the user's forecasts
 * change) and rankings over settled forecasts, which the leaderboard stores.
 */
@Service
public class Reputation {

    private final ReputationRecords records;
    private final RankTotals rankTotals;
    private final Users users;
    private final Cache<UUID, UserStats> stats = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(60))
            .build();

    Reputation(ReputationRecords records, RankTotals rankTotals, Users users) {
        this.records = records;
        this.rankTotals = rankTotals;
        this.users = users;
    }

    /** A user's stats; 404 for an unknown user. */
    @Transactional(readOnly = true)
    public UserStats stats(UUID userId) {
        double reputation = users.require(userId).reputation();
        UserStats cached = stats.getIfPresent(userId);
        if (cached != null && cached.reputation() == reputation) {
            return cached;
        }
        SettledTotals totals = records.totals(userId);
        Map<Integer, BucketCount> byBucket = records.calibration(userId);
        List<CalibrationBucket> calibration = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            BucketCount bucket = byBucket.getOrDefault(i, BucketCount.NONE);
            calibration.add(
                    new CalibrationBucket((i * 10) + "-" + (i * 10 + 10) + "%", bucket.forecasts(), bucket.won()));
        }
        UserStats fresh = new UserStats(
                records.forecastCount(userId),
                totals.settled(),
                totals.won(),
                totals.settled() == 0 ? null : (double) totals.won() / totals.settled(),
                reputation,
                totals.profit(),
                records.totalStaked(userId),
                calibration);
        stats.put(userId, fresh);
        return fresh;
    }

    /** Forgets cached stats of these users (their forecasts changed). */
    public void evictStats(Collection<UUID> userIds) {
        stats.invalidateAll(userIds);
    }

    /**
     * Ranks users over forecasts settled in [{@code from}, {@code to}) (null = unbounded), in one
     * {@code category} or all (null), by {@code metric}; at most {@code limit} lines (null = all).
     */
    @Transactional(readOnly = true)
    public List<RankedScore> ranking(Instant from, Instant to, String category, RankingMetric metric, Integer limit) {
        List<Aggregate> rows = records.ranking(from, to, category, metric, limit);
        List<RankedScore> ranked = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Aggregate row = rows.get(i);
            ranked.add(new RankedScore(i + 1, row.userId(), row.score(), row.forecasts(), row.won()));
        }
        return ranked;
    }

    /**
     * Lines {@code offset} … {@code offset + limit − 1} of a board, ranked. A board is one {@code period}
     * ({@code weekly}, {@code monthly} or {@code all_time}) window ({@code periodKey}: an ISO week such as
     * {@code 2026-W05} or a month such as {@code 2026-01} in Asia/Manila, or {@code all}) of one
     * {@code category} ({@code all} or one) by {@code metric}. Boards are kept up to date as settlements
     * are scored.
     */
    @Transactional(readOnly = true)
    public List<RankedScore> board(
            String period, String periodKey, String category, RankingMetric metric, long offset, int limit) {
        return rankTotals.page(period, periodKey, category, metric, offset, limit);
    }

    /** How many users a board (see {@link #board}) ranks; the same for both metrics. */
    @Transactional(readOnly = true)
    public long boardSize(String period, String periodKey, String category) {
        return rankTotals.size(period, periodKey, category);
    }

    /** The user's line on a board (see {@link #board}), if the user is ranked on it. */
    @Transactional(readOnly = true)
    public Optional<RankedScore> rankOf(
            String period, String periodKey, String category, RankingMetric metric, UUID userId) {
        return rankTotals.rankOf(period, periodKey, category, metric, userId);
    }

    /**
     * Recomputes every board from the settled forecasts (a repair: forecasts flagged since they were
     * scored drop out), keeping only the current week and month ({@code weeklyKey}, {@code monthlyKey}).
     */
    @Transactional
    public void rebuildBoards(String weeklyKey, String monthlyKey) {
        rankTotals.rebuild(weeklyKey, monthlyKey);
    }
}
