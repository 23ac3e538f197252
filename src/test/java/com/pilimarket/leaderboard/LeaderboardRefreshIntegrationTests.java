package com.pilimarket.leaderboard;

import static com.pilimarket.support.TestEvents.win;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LeaderboardRefreshIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestHttp http;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_settlement_shows_on_the_boards_without_waiting_for_the_periodic_job() {
        TestUser user = users.create(0);
        assertThat(http.get("/api/v1/leaderboard/me?period=weekly")
                        .bearer(user.token())
                        .send()
                        .data()
                        .isNull())
                .isTrue();
        new TestEvents(publisher, transactions, jdbc).settle(UUID.randomUUID(), Instant.now(), win(user.id(), 0.4));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(http.get("/api/v1/leaderboard/me?period=weekly&metric=skill")
                                .bearer(user.token())
                                .send()
                                .data()
                                .get("score")
                                .asDouble())
                        .isEqualTo(60.0));
    }
}
