package com.pilimarket.leaderboard.internal;

import com.github.benmanes.caffeine.cache.Ticker;
import com.pilimarket.leaderboard.LeaderboardEntry;
import com.pilimarket.leaderboard.LeaderboardEntry.LeaderboardUser;
import com.pilimarket.leaderboard.Ranks;
import com.pilimarket.reputation.RankedScore;
import com.pilimarket.reputation.RankingMetric;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Service;

/**
 * Serves the boards (3 periods × all categories and each one × 2 metrics) from the reputation module's
 * board totals, which a board step adds each scored settlement to. Pages, board sizes and users'
 * lines are cached and reloaded in the background ({@link RefreshingCache}), so a reader never waits for
 * the database while a board is being read; a settlement added to the boards drops this instance's cache at once.
 * {@link #recomputeAll()} is the repair: it rebuilds every board from the settled forecasts.
 */
@Service
class Leaderboards implements Ranks {

    /** How old a page, a size or a rank may get before it is reloaded (in the background). */
    static final Duration FRESHNESS = Duration.ofSeconds(2);

    /**
     * How long an unread value is kept: older than this, the next read loads it and waits. Short, so
     * that a board nobody looked at for a while is not shown stale (a board being read is reloaded
     * every {@link #FRESHNESS}).
     */
    static final Duration STALEST = Duration.ofSeconds(10);

    private final Reputation reputation;
    private final Users users;
    private final Clock clock;

    private final RefreshingCache<PageKey, List<RankedScore>> pages;
    private final RefreshingCache<SizeKey, Long> sizes;
    private final RefreshingCache<LineKey, Optional<RankedScore>> lines;

    /** Names and avatars beside the lines: a renamed user shows within a minute. */
    private final RefreshingCache<UUID, LeaderboardUser> people;

    Leaderboards(Reputation reputation, Users users, Clock clock) {
        Ticker ticker = Ticker.systemTicker();
        Executor reloads = ForkJoinPool.commonPool();
        this.reputation = reputation;
        this.users = users;
        this.clock = clock;
        this.pages = new RefreshingCache<>(this::loadPage, FRESHNESS, STALEST, 5_000, ticker, reloads);
        this.sizes = new RefreshingCache<>(this::loadSize, FRESHNESS, STALEST, 1_000, ticker, reloads);
        this.lines = new RefreshingCache<>(this::loadLine, FRESHNESS, STALEST, 20_000, ticker, reloads);
        this.people = new RefreshingCache<>(
                this::loadUser, Duration.ofMinutes(1), Duration.ofMinutes(10), 20_000, ticker, reloads);
    }

    /**
     * Rebuilds every board from the settled forecasts, keeping only the current week and month (a
     * repair and the rollover: forecasts flagged after they were scored drop out, old windows go).
     */
    void recomputeAll() {
        Instant now = clock.instant();
        reputation.rebuildBoards(
                Period.WEEKLY.window(now).key(), Period.MONTHLY.window(now).key());
        forgetBoards();
    }

    /** Forgets cached pages: a settlement reached the boards (BoardsUpdated), this instance shows it at once. */
    void refresh() {
        forgetBoards();
    }

    private void forgetBoards() {
        pages.invalidateAll();
        sizes.invalidateAll();
        lines.invalidateAll();
    }

    Page<LeaderboardEntry> page(Period period, String category, RankingMetric metric, PageQuery page) {
        Board board = board(period, category, metric);
        List<RankedScore> ranked = pages.get(new PageKey(board, page.offset(), page.limit()));
        long total = sizes.get(new SizeKey(period, board.periodKey(), board.category()));
        return Page.of(ranked.stream().map(this::entry).toList(), page, total);
    }

    Optional<LeaderboardEntry> rankOf(UUID userId, Period period, String category, RankingMetric metric) {
        return lines.get(new LineKey(board(period, category, metric), userId)).map(this::entry);
    }

    @Override
    public OptionalInt allTimeRank(UUID userId) {
        return lines.get(new LineKey(board(Period.ALL_TIME, null, RankingMetric.SKILL), userId))
                .map(line -> OptionalInt.of(line.rank()))
                .orElse(OptionalInt.empty());
    }

    /** A page of a board: the cache's key. */
    private record PageKey(Board board, long offset, int limit) {}

    /** The users a board ranks: the same for both metrics, so counted once for the two. */
    private record SizeKey(Period period, String periodKey, String category) {}

    /** A user's line on a board: the cache's key. */
    private record LineKey(Board board, UUID userId) {}

    private List<RankedScore> loadPage(PageKey key) {
        Board board = key.board();
        return reputation.board(
                board.period().value(), board.periodKey(), board.category(), board.metric(), key.offset(), key.limit());
    }

    private long loadSize(SizeKey key) {
        return reputation.boardSize(key.period().value(), key.periodKey(), key.category());
    }

    private Optional<RankedScore> loadLine(LineKey key) {
        Board board = key.board();
        return reputation.rankOf(
                board.period().value(), board.periodKey(), board.category(), board.metric(), key.userId());
    }

    private LeaderboardUser loadUser(UUID id) {
        return users.find(id)
                .map(u -> new LeaderboardUser(u.id(), u.displayName(), u.handle(), u.avatarUrl()))
                .orElse(new LeaderboardUser(id, null, null, null));
    }

    private Board board(Period period, String category, RankingMetric metric) {
        return new Board(period, period.window(clock.instant()).key(), category == null ? Board.ALL : category, metric);
    }

    private LeaderboardEntry entry(RankedScore line) {
        LeaderboardUser user = people.get(line.userId());
        double accuracy = line.forecasts() == 0 ? 0 : (double) line.won() / line.forecasts();
        return new LeaderboardEntry(line.rank(), user, line.score(), line.forecasts(), accuracy);
    }
}
