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

/**
 * Small limits so the tests stay fast; each test uses its own client IP (X-Forwarded-For, honoured
 * because the loopback address is configured as a trusted proxy here).
 */
@IntegrationTest
@TestPropertySource(
        properties = {
            "pilimarket.rate-limits.enabled=true",
            "pilimarket.rate-limits.auth.requests=5",
            "pilimarket.rate-limits.auth.per=1m",
            "pilimarket.rate-limits.general.requests=4",
            "pilimarket.rate-limits.general.per=1m",
            "pilimarket.rate-limits.forecasts.requests=2",
            "pilimarket.rate-limits.forecasts.per=1m",
            "pilimarket.rate-limits.webhooks.requests=3",
            "pilimarket.rate-limits.webhooks.per=1m",
            // The test client stands in for the nginx in front of the app: its X-Forwarded-For counts.
            "pilimarket.web.trusted-proxies=127.0.0.1, ::1",
            // The per-IP limit is under test here, not the per-account login throttle.
            "pilimarket.auth.login-throttle.max-failures=100"
        })
class RateLimitIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
    void webhooks_are_limited_per_address() {
        for (int i = 0; i < 3; i++) {
            assertThat(http.post("/webhooks/stripe", null)
                            .rawBody("{}")
                            .header("X-Forwarded-For", "192.0.2.90")
                            .send()
                            .status())
                    .isEqualTo(400);
        }
        Result throttled = http.post("/webhooks/paymongo", null)
                .rawBody("{}")
                .header("X-Forwarded-For", "192.0.2.90")
                .send();
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(throttled.header("Retry-After")).isNotBlank();
        // The provider's other addresses are counted apart.
        assertThat(http.post("/webhooks/stripe", null)
                        .rawBody("{}")
                        .header("X-Forwarded-For", "192.0.2.91")
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void behind_a_trusted_proxy_the_client_is_the_last_address_the_proxy_did_not_vouch_for() {
        // nginx appends the address it saw; whatever the client put in front of it is not believed.
        Result registered = http.post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                "p" + java.util.UUID.randomUUID().toString().substring(0, 10) + "@example.ph",
                                "password",
                                "correct horse battery",
                                "display_name",
                                "Proxied"))
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.66, 127.0.0.1")
                .send();

        assertThat(registered.status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT signup_ip FROM users WHERE id = :id")
                        .param(
                                "id",
                                java.util.UUID.fromString(
                                        registered.data().get("user").get("id").asString()))
                        .query(String.class)
                        .single())
                .isEqualTo("203.0.113.66");
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
