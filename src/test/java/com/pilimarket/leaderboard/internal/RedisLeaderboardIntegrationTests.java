package com.pilimarket.leaderboard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.WithRedis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

/** The scenario with boards in Redis sorted sets, in a database of its own. */
@IntegrationTest
@WithRedis
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=6", "pilimarket.test.board=redis"})
class RedisLeaderboardIntegrationTests extends LeaderboardScenario {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    PlatformMode platform;

    @Test
    void boards_live_in_redis_sorted_sets_and_not_in_the_table() {
        assertThat(redis.keys(platform.keyPrefix() + "lb:all_time:all:all:skill"))
                .hasSize(1);
        assertThat(redis.opsForZSet().zCard(platform.keyPrefix() + "lb:all_time:all:all:skill"))
                .isEqualTo(6);
        assertThat(jdbc.sql("SELECT count(*) FROM leaderboard_entries")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
