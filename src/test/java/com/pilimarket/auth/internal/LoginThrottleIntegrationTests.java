package com.pilimarket.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LoginThrottleIntegrationTests {

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    void insert(String key, Instant lastFailure) {
        jdbc.sql("INSERT INTO login_throttle (account_key, failures, last_failure_at) VALUES (:k, 3, :t)")
                .param("k", key)
                .param("t", Timestamp.from(lastFailure))
                .update();
    }

    @Test
    void the_hourly_cleanup_forgets_old_failures_and_keeps_recent_ones() {
        String old = "old-" + System.nanoTime();
        insert(old, Instant.now().minus(Duration.ofHours(2)));
        String recent = "recent-" + System.nanoTime();
        insert(recent, Instant.now());

        // Through the Spring bean, as the scheduler calls it (with its cluster-wide lock).
        throttle.forgetOld();

        assertThat(jdbc.sql("SELECT account_key FROM login_throttle")
                        .query(String.class)
                        .list())
                .contains(recent)
                .doesNotContain(old);
    }
}
