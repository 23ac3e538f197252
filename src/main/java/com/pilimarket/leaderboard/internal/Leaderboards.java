package com.pilimarket.leaderboard.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pilimarket.leaderboard.LeaderboardEntry;
import com.pilimarket.leaderboard.LeaderboardEntry.LeaderboardUser;
import com.pilimarket.leaderboard.Ranks;
import com.pilimarket.markets.MarketCategory;
import com.pilimarket.reputation.RankedScore;
import com.pilimarket.reputation.RankingMetric;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.platform.CoalescingTask;
import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes every current board (3 periods × all categories and each one × 2 metrics) from the
 * reputation module's rankings and stores them; requests only ever read stored boards.
 */
@Service
class Leaderboards implements Ranks {

    private final Reputation reputation;
    private final Users users;
    private final Clock clock;
    private final LeaderboardStore store;
    /**
     * One recompute at a time in this instance. Two overlapping ones (the periodic job and the one
     * after a settlement, or two settlements) could otherwise finish in the other order: the one that
     * read the rankings before the settlement would overwrite the boards after the fresh one, and the
     * settlement would stay off the boards until the next periodic run. Serialised, the recompute that
     * starts after a settlement is also the last to write. Requests after settlements coalesce: a burst
     * of settlements costs one recompute in progress plus one more, and holds no other thread.
     */
    private final CoalescingTask recompute = new CoalescingTask(this::recomputeAllNow);

    private final Cache<UUID, LeaderboardUser> people = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    Leaderboards(
            Reputation reputation,
            Users users,
            Clock clock,
            PlatformMode platform,
            ObjectProvider<StringRedisTemplate> redis,
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            TransactionTemplate transactions) {
        this.reputation = reputation;
        this.users = users;
        this.clock = clock;
        StringRedisTemplate template = platform.redis() ? redis.getIfAvailable() : null;
        this.store = template != null
                ? new RedisLeaderboardStore(template, platform.keyPrefix())
                : new TableLeaderboardStore(jdbc, named, transactions);
    }

    static List<String> categories() {
        List<String> categories = new ArrayList<>();
        categories.add(Board.ALL);
        for (MarketCategory category : MarketCategory.values()) {
            categories.add(category.value());
        }
        return categories;
    }

    /** Recomputes and stores every current board now, after any recompute in progress. */
    void recomputeAll() {
        recompute.runNow();
    }

    /**
     * Asks for a recompute after a settlement: runs it in this thread, or — when one is in progress —
     * returns at once and leaves that one to run again (see {@link CoalescingTask}).
     */
    void recomputeSoon() {
        recompute.request();
    }

    private void recomputeAllNow() {
        Instant now = clock.instant();
        for (Period period : Period.values()) {
            Period.Window window = period.window(now);
            for (String category : categories()) {
                for (RankingMetric metric : RankingMetric.values()) {
                    Board board = new Board(period, window.key(), category, metric);
                    List<RankedScore> lines = reputation.ranking(
                            window.from(), window.to(), Board.ALL.equals(category) ? null : category, metric, null);
                    store.replace(board, lines);
                }
            }
        }
    }

    Page<LeaderboardEntry> page(Period period, String category, RankingMetric metric, PageQuery page) {
        LeaderboardStore.Slice slice = store.page(board(period, category, metric), page.offset(), page.limit());
        return Page.of(slice.lines().stream().map(this::entry).toList(), page, slice.total());
    }

    Optional<LeaderboardEntry> rankOf(UUID userId, Period period, String category, RankingMetric metric) {
        return store.rankOf(board(period, category, metric), userId).map(this::entry);
    }

    @Override
    public OptionalInt allTimeRank(UUID userId) {
        return store.rankOf(board(Period.ALL_TIME, null, RankingMetric.SKILL), userId)
                .map(line -> OptionalInt.of(line.rank()))
                .orElse(OptionalInt.empty());
    }

    private Board board(Period period, String category, RankingMetric metric) {
        return new Board(period, period.window(clock.instant()).key(), category == null ? Board.ALL : category, metric);
    }

    private LeaderboardEntry entry(RankedScore line) {
        LeaderboardUser user = people.get(
                line.userId(),
                id -> users.find(id)
                        .map(u -> new LeaderboardUser(u.id(), u.displayName(), u.handle(), u.avatarUrl()))
                        .orElse(new LeaderboardUser(id, null, null, null)));
        double accuracy = line.forecasts() == 0 ? 0 : (double) line.won() / line.forecasts();
        return new LeaderboardEntry(line.rank(), user, line.score(), line.forecasts(), accuracy);
    }
}
