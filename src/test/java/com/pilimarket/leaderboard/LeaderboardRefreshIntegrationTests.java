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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.Scenario;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class LeaderboardRefreshIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestEvents events;

    @Autowired
    TestHttp http;

    @Test
    void a_settlement_shows_on_the_boards_without_waiting_for_the_periodic_job(Scenario scenario) {
        TestUser user = users.create(0);
        assertThat(http.get("/api/v1/leaderboard/me?period=weekly")
                        .bearer(user.token())
                        .send()
                        .data()
                        .isNull())
                .isTrue();
        scenario.publish(events.settlement(UUID.randomUUID(), Instant.now(), win(user.id(), 0.4)))
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> weeklySkill(user), score -> score != null && score == 60.0);
    }

    /** The user's weekly skill score, or null while they are not on the board. */
    private Double weeklySkill(TestUser user) {
        JsonNode me = http.get("/api/v1/leaderboard/me?period=weekly&metric=skill")
                .bearer(user.token())
                .send()
                .data();
        return me == null || me.isNull() ? null : me.get("score").asDouble();
    }
}
