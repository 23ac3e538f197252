package com.pilimarket.reputation.internal;

import static com.pilimarket.support.TestEvents.lose;
import static com.pilimarket.support.TestEvents.refund;
import static com.pilimarket.support.TestEvents.win;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.reputation.Reputation;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestEvents.Result;
import com.pilimarket.support.TestUsers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The boards kept settlement by settlement are the boards a full rebuild computes. */
@IntegrationTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=6", "pilimarket.test.context=ranks"})
class RankTotalsIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reputation reputation;

    @Test
    void boards_added_to_chunk_by_chunk_equal_boards_rebuilt_from_every_settled_forecast() {
        List<UUID> forecasters = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            forecasters.add(users.create(0).id());
        }
        Random random = new Random(16);
        Instant now = Instant.now();
        String[] categories = {"sports", "crypto", "election"};
        // Markets settled now and over the past weeks (so several week and month windows), with wins,
        // losses, refunds and a forecast flagged at settlement; a user often has several per market.
        for (int market = 0; market < 8; market++) {
            Instant at = now.minus(Duration.ofDays(market * 6L)).minusSeconds(market);
            String category = categories[market % categories.length];
            List<Result> results = new ArrayList<>();
            for (UUID user : forecasters) {
                int kind = random.nextInt(6);
                double q = Math.round(random.nextDouble() * 1000) / 1000.0;
                Result result = switch (kind) {
                    case 0, 1 -> win(user, q).staked(1 + random.nextInt(500), 600 + random.nextInt(300));
                    case 2, 3 -> lose(user, q).staked(1 + random.nextInt(500), 0);
                    case 4 -> refund(user);
                    default -> random.nextBoolean() ? win(user, q).flagged() : lose(user, q);
                };
                results.add(result.in(category));
            }
            events.settleAndWait(UUID.randomUUID(), at, results.toArray(Result[]::new));
        }

        List<String> kept = CurrentBoards.lines(jdbc, now);
        assertThat(kept).isNotEmpty();
        reputation.rebuildBoards(CurrentBoards.weekKey(now), CurrentBoards.monthKey(now));
        assertThat(CurrentBoards.lines(jdbc, now)).containsExactlyElementsOf(kept);
    }

    /** Every line of the all-time boards and of this week's and month's boards, in a fixed order. */
}
