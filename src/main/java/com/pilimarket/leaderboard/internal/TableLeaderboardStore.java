package com.pilimarket.leaderboard.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.pilimarket.reputation.RankedScore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Boards in {@code leaderboard_entries}, replaced in one transaction (readers see old or new), with a
 * Caffeine cache of pages in front; the cache is dropped here on every replace and expires after a
 * minute, which bounds how stale another instance can be.
 */
class TableLeaderboardStore implements LeaderboardStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final Cache<String, Object> cache = Caffeine.newBuilder()
            .maximumSize(5_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    TableLeaderboardStore(JdbcClient jdbc, NamedParameterJdbcTemplate named, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.named = named;
        this.transactions = transactions;
    }

    @Override
    public void replace(Board board, List<RankedScore> lines) {
        transactions.executeWithoutResult(status -> {
            // Two recomputes of one board (the job and a settlement) take turns instead of colliding on the key.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))")
                    .param("key", "pilimarket.leaderboard:" + board.period() + board.category() + board.metric())
                    .query((rs, n) -> 1)
                    .list();
            // Older periods' lines go too: only the current period is served.
            jdbc.sql(
                            "DELETE FROM leaderboard_entries WHERE period = :period AND category = :category AND metric = :metric")
                    .param("period", board.period().value())
                    .param("category", board.category())
                    .param("metric", board.metric().value())
                    .update();
            MapSqlParameterSource[] batch = lines.stream()
                    .map(line -> new MapSqlParameterSource()
                            .addValue("period", board.period().value())
                            .addValue("key", board.periodKey())
                            .addValue("category", board.category())
                            .addValue("metric", board.metric().value())
                            .addValue("rank", line.rank())
                            .addValue("user", line.userId())
                            .addValue("score", line.score())
                            .addValue("forecasts", line.forecasts())
                            .addValue("won", line.won()))
                    .toArray(MapSqlParameterSource[]::new);
            named.batchUpdate(
                    "INSERT INTO leaderboard_entries (period, period_key, category, metric, rank, user_id, score, "
                            + "forecasts, won) VALUES (:period, :key, :category, :metric, :rank, :user, :score, "
                            + ":forecasts, :won)",
                    batch);
        });
        cache.invalidateAll();
    }

    @Override
    public Slice page(Board board, long offset, int limit) {
        return (Slice) cache.get("page:" + board.id() + ":" + offset + ":" + limit, k -> {
            List<RankedScore> lines = jdbc.sql("SELECT rank, user_id, score, forecasts, won FROM leaderboard_entries "
                            + where() + " ORDER BY rank LIMIT :limit OFFSET :offset")
                    .params(params(board))
                    .param("limit", limit)
                    .param("offset", offset)
                    .query(TableLeaderboardStore::line)
                    .list();
            long total = jdbc.sql("SELECT count(*) FROM leaderboard_entries " + where())
                    .params(params(board))
                    .query(Long.class)
                    .single();
            return new Slice(lines, total);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<RankedScore> rankOf(Board board, UUID userId) {
        return (Optional<RankedScore>) cache.get(
                "me:" + board.id() + ":" + userId,
                k -> jdbc.sql("SELECT rank, user_id, score, forecasts, won FROM leaderboard_entries " + where()
                                + " AND user_id = :user")
                        .params(params(board))
                        .param("user", userId)
                        .query(TableLeaderboardStore::line)
                        .optional());
    }

    private static String where() {
        return "WHERE period = :period AND period_key = :key AND category = :category AND metric = :metric";
    }

    private static java.util.Map<String, Object> params(Board board) {
        return java.util.Map.of(
                "period", board.period().value(),
                "key", board.periodKey(),
                "category", board.category(),
                "metric", board.metric().value());
    }

    private static RankedScore line(ResultSet rs, int n) throws SQLException {
        return new RankedScore(
                rs.getInt("rank"),
                rs.getObject("user_id", UUID.class),
                rs.getDouble("score"),
                rs.getInt("forecasts"),
                rs.getInt("won"));
    }
}
