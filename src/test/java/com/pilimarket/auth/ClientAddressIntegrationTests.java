package com.pilimarket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With no trusted proxy configured (the default), forwarded headers are the client's own words: the
 * client address is the connection's. And one account cannot be brute-forced from many addresses.
 */
@IntegrationTest
class ClientAddressIntegrationTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    TestHttp http;

    @Autowired
    JdbcClient jdbc;

    static String email() {
        return "c" + UUID.randomUUID().toString().substring(0, 10) + "@example.ph";
    }

    Result register(String email, String forwardedFor) {
        return http.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "display_name", "Ana"))
                .header("X-Forwarded-For", forwardedFor)
                .send();
    }

    Result login(String email, String password, String forwardedFor) {
        return http.post("/api/v1/auth/login", Map.of("email", email, "password", password))
                .header("X-Forwarded-For", forwardedFor)
                .send();
    }

    @Test
    void signups_with_invented_forwarded_addresses_are_seen_as_one_address() {
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Result result = register(email(), "203.0.113." + (40 + i));
            assertThat(result.status()).isEqualTo(201);
            UUID id = UUID.fromString(result.data().get("user").get("id").asString());
            ips.add(jdbc.sql("SELECT signup_ip FROM users WHERE id = :id")
                    .param("id", id)
                    .query(String.class)
                    .single());
            ips.addAll(jdbc.sql("SELECT ip FROM user_signals WHERE user_id = :id")
                    .param("id", id)
                    .query(String.class)
                    .list());
        }

        assertThat(ips)
                .hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(ip -> assertThat(ip).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
    }

    @Test
    void twelve_wrong_passwords_from_twelve_addresses_throttle_the_account_before_hashing() {
        String email = email();
        assertThat(register(email, "198.51.100.1").status()).isEqualTo(201);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            statuses.add(login(email, "wrong password " + i, "198.51.100." + (10 + i))
                    .status());
        }

        assertThat(statuses).contains(429).doesNotContain(200);
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(5, 12)).containsOnly(429);

        // The right password is refused too while the account is throttled.
        Result right = login(email, PASSWORD, "192.0.2.99");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(right.header("Retry-After"))).isPositive();

        // Another account is not affected.
        String other = email();
        assertThat(register(other, "198.51.100.2").status()).isEqualTo(201);
        assertThat(login(other, PASSWORD, "198.51.100.10").status()).isEqualTo(200);
    }
}
