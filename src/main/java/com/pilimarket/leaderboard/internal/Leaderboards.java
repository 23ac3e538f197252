package com.pilimarket.leaderboard.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pilimarket.leaderboard.LeaderboardEntry;
import com.pilimarket.leaderboard.LeaderboardEntry.LeaderboardUser;
import com.pilimarket.leaderboard.Ranks;
import com.pilimarket.reputation.RankedPage;
import com.pilimarket.reputation.RankedScore;
import com.pilimarket.reputation.RankingMetric;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Serves the boards (3 periods × all categories and each one × 2 metrics) from the reputation module's
 * board totals, which scoring keeps up to date settlement by settlement; pages are cached for a few
 * seconds. {@link #recomputeAll()} is the repair: it rebuilds every board from the settled forecasts.
 */
@Service
class Leaderboards implements Ranks {

    /** How long a page or a rank is served from this instance's cache (how stale a board can look). */
    static final Duration FRESHNESS = Duration.ofSeconds(2);

    private final Reputation reputation;
    private final Users users;
    private final Clock clock;

    private final Cache<String, Object> boards =
            Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(FRESHNESS).build();

    private final Cache<UUID, LeaderboardUser> people = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    Leaderboards(Reputation reputation, Users users, Clock clock) {
        this.reputation = reputation;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Rebuilds every board from the settled forecasts, keeping only the current week and month (a
     * repair and the rollover: forecasts flagged after they were scored drop out, old windows go).
     */
    void recomputeAll() {
        Instant now = clock.instant();
        reputation.rebuildBoards(
                Period.WEEKLY.window(now).key(), Period.MONTHLY.window(now).key());
        boards.invalidateAll();
    }

    /** Forgets cached pages: a settlement was scored, this instance shows it at once. */
    void refresh() {
        boards.invalidateAll();
    }

    Page<LeaderboardEntry> page(Period period, String category, RankingMetric metric, PageQuery page) {
        Board board = board(period, category, metric);
        RankedPage ranked = (RankedPage) boards.get(
                "page:" + board.id() + ":" + page.offset() + ":" + page.limit(),
                k -> reputation.board(
                        period.value(), board.periodKey(), board.category(), metric, page.offset(), page.limit()));
        return Page.of(ranked.lines().stream().map(this::entry).toList(), page, ranked.total());
    }

    Optional<LeaderboardEntry> rankOf(UUID userId, Period period, String category, RankingMetric metric) {
        return line(userId, board(period, category, metric)).map(this::entry);
    }

    @Override
    public OptionalInt allTimeRank(UUID userId) {
        return line(userId, board(Period.ALL_TIME, null, RankingMetric.SKILL))
                .map(line -> OptionalInt.of(line.rank()))
                .orElse(OptionalInt.empty());
    }

    @SuppressWarnings("unchecked")
    private Optional<RankedScore> line(UUID userId, Board board) {
        return (Optional<RankedScore>) boards.get(
                "me:" + board.id() + ":" + userId,
                k -> reputation.rankOf(
                        board.period().value(), board.periodKey(), board.category(), board.metric(), userId));
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
