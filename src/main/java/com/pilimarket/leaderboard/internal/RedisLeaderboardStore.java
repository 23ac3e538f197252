package com.pilimarket.leaderboard.internal;

import com.pilimarket.reputation.RankedScore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * Boards as Redis sorted sets: {@code <prefix>lb:<period>:<key>:<category>:<metric>} holds user ids
 * scored by their rank (the tie rules — score, then forecasts, then user id — are applied when
 * ranking, so ZRANGE order is the board order), and a hash {@code …:lines} holds each user's
 * "score|forecasts|won". A recompute builds both under temporary names and swaps them in with one
 * MULTI/EXEC, so readers never see half a board. Weekly and monthly boards expire after 40 days.
 */
class RedisLeaderboardStore implements LeaderboardStore {

    private static final Duration PERIOD_TTL = Duration.ofDays(40);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisLeaderboardStore(StringRedisTemplate redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + "lb:";
    }

    private String ranks(Board board) {
        return prefix + board.id();
    }

    private String lines(Board board) {
        return prefix + board.id() + ":lines";
    }

    @Override
    public void replace(Board board, List<RankedScore> ranked) {
        String suffix = ":tmp:" + UUID.randomUUID();
        String tmpRanks = ranks(board) + suffix;
        String tmpLines = lines(board) + suffix;
        if (!ranked.isEmpty()) {
            Set<TypedTuple<String>> tuples = new LinkedHashSet<>();
            Map<String, String> data = new HashMap<>();
            for (RankedScore line : ranked) {
                tuples.add(TypedTuple.of(line.userId().toString(), (double) line.rank()));
                data.put(line.userId().toString(), line.score() + "|" + line.forecasts() + "|" + line.won());
            }
            redis.opsForZSet().add(tmpRanks, tuples);
            redis.opsForHash().putAll(tmpLines, data);
        }
        boolean expires = board.period() != Period.ALL_TIME;
        redis.execute(new SessionCallback<List<Object>>() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public List<Object> execute(RedisOperations operations) {
                operations.multi();
                if (ranked.isEmpty()) {
                    operations.delete(List.of(ranks(board), lines(board)));
                } else {
                    operations.rename(tmpRanks, ranks(board));
                    operations.rename(tmpLines, lines(board));
                    if (expires) {
                        operations.expire(ranks(board), PERIOD_TTL);
                        operations.expire(lines(board), PERIOD_TTL);
                    }
                }
                return operations.exec();
            }
        });
    }

    @Override
    public Slice page(Board board, long offset, int limit) {
        Set<String> members = redis.opsForZSet().range(ranks(board), offset, offset + limit - 1);
        Long total = redis.opsForZSet().zCard(ranks(board));
        if (members == null || members.isEmpty()) {
            return new Slice(List.of(), total == null ? 0 : total);
        }
        List<String> ids = new ArrayList<>(members);
        List<Object> data = redis.opsForHash().multiGet(lines(board), new ArrayList<>(ids));
        List<RankedScore> result = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (data.get(i) != null) {
                result.add(parse((int) (offset + i + 1), ids.get(i), (String) data.get(i)));
            }
        }
        return new Slice(result, total == null ? 0 : total);
    }

    @Override
    public Optional<RankedScore> rankOf(Board board, UUID userId) {
        Double rank = redis.opsForZSet().score(ranks(board), userId.toString());
        Object data = redis.opsForHash().get(lines(board), userId.toString());
        if (rank == null || data == null) {
            return Optional.empty();
        }
        return Optional.of(parse(rank.intValue(), userId.toString(), (String) data));
    }

    private static RankedScore parse(int rank, String userId, String data) {
        String[] parts = data.split("\\|");
        return new RankedScore(
                rank,
                UUID.fromString(userId),
                Double.parseDouble(parts[0]),
                Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]));
    }
}
