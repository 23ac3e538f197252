package com.pilimarket.reputation.internal;

import static com.pilimarket.support.TestEvents.win;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestEvents.Result;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MonthlyAwardIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestEvents events;

    @Autowired
    MonthlyAwardJob job;

    @Test
    void the_top_10_by_skill_of_a_finished_month_earn_top10_monthly_once() {
        // A month nobody else's tests touch: the last day of January 2020 in Manila (UTC+8).
        Instant inJanuary = Instant.parse("2020-01-31T15:00:00Z");
        List<TestUser> people = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            TestUser user = users.create(0);
            people.add(user);
            results.add(win(user.id(), 0.05 * (i + 1))); // skill 95, 90, …, 45: user i ranks i + 1
        }
        // A forecast settled just after the month ended (00:00 on 1 February in Manila) does not count.
        TestUser late = users.create(0);
        results.add(win(late.id(), 0.0));
        events.settleAndWait(
                UUID.randomUUID(), inJanuary, results.subList(0, 11).toArray(Result[]::new));
        events.settleAndWait(UUID.randomUUID(), Instant.parse("2020-01-31T16:00:00Z"), results.get(11));

        assertThat(job.awardMonth(YearMonth.of(2020, 1))).isEqualTo(10);
        events.awaitListeners();
        for (int i = 0; i < 11; i++) {
            assertThat(hasTop10(people.get(i))).as("user ranked %d", i + 1).isEqualTo(i < 10);
        }
        assertThat(hasTop10(late)).isFalse();
        assertThat(job.awardMonth(YearMonth.of(2020, 1))).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notifications WHERE type = 'badge_earned' AND dedupe_key = :k")
                        .param("k", "badge:top10_monthly:" + people.get(0).id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private boolean hasTop10(TestUser user) {
        return jdbc.sql("SELECT count(*) FROM user_badges WHERE user_id = :u AND badge = 'top10_monthly'")
                        .param("u", user.id())
                        .query(Long.class)
                        .single()
                == 1;
    }
}
