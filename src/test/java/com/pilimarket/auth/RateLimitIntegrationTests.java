package com.pilimarket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Small limits so the tests stay fast; each test uses its own client IP (X-Forwarded-For). */
@IntegrationTest
@TestPropertySource(
        properties = {
            "pilimarket.rate-limits.enabled=true",
            "pilimarket.rate-limits.auth.requests=5",
            "pilimarket.rate-limits.auth.per=1m",
            "pilimarket.rate-limits.general.requests=4",
            "pilimarket.rate-limits.general.per=1m",
            "pilimarket.rate-limits.forecasts.requests=2",
            "pilimarket.rate-limits.forecasts.per=1m"
        })
class RateLimitIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    Result login(String ip) {
        return http.post("/api/v1/auth/login", Map.of("email", "victim@example.ph", "password", "guess-guess-guess"))
                .header("X-Forwarded-For", ip)
                .send();
    }

    @Test
    void brute_forcing_a_login_is_throttled_with_retry_after() {
        for (int i = 0; i < 5; i++) {
            assertThat(login("203.0.113.10").status()).isEqualTo(401);
        }

        Result throttled = login("203.0.113.10");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);

        // Another address is counted separately.
        assertThat(login("203.0.113.11").status()).isEqualTo(401);
    }

    @Test
    void a_user_is_limited_across_addresses() {
        var user = users.create(0);
        for (int i = 0; i < 4; i++) {
            assertThat(http.get("/api/v1/users/me")
                            .bearer(user.token())
                            .header("X-Forwarded-For", "198.51.100." + i)
                            .send()
                            .status())
                    .isEqualTo(200);
        }

        Result throttled = http.get("/api/v1/users/me")
                .bearer(user.token())
                .header("X-Forwarded-For", "198.51.100.99")
                .send();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();

        // Someone else at one of those addresses still gets through.
        assertThat(http.get("/api/v1/users/me")
                        .bearer(users.create(0).token())
                        .header("X-Forwarded-For", "198.51.100.98")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void forecast_placement_has_its_own_budget() {
        var user = users.create(0);
        for (int i = 0; i < 2; i++) {
            assertThat(http.post("/api/v1/forecasts", Map.of())
                            .bearer(user.token())
                            .header("X-Forwarded-For", "192.0.2.50")
                            .send()
                            .status())
                    .isNotEqualTo(429);
        }
        assertThat(http.post("/api/v1/forecasts", Map.of())
                        .bearer(user.token())
                        .header("X-Forwarded-For", "192.0.2.50")
                        .send()
                        .status())
                .isEqualTo(429);
        // Reading is a different budget.
        assertThat(http.get("/api/v1/users/me")
                        .bearer(user.token())
                        .header("X-Forwarded-For", "192.0.2.50")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void pages_outside_the_api_are_not_limited() {
        for (int i = 0; i < 8; i++) {
            assertThat(http.get("/actuator/health/liveness")
                            .header("X-Forwarded-For", "192.0.2.77")
                            .send()
                            .status())
                    .isEqualTo(200);
        }
    }
}
