package com.pilimarket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** Even with verbose logging, a password never reaches the log. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
        properties = {
            "logging.level.com.pilimarket=DEBUG",
            "logging.level.org.springframework.web=DEBUG",
            "logging.level.org.springframework.security=DEBUG",
            "logging.level.org.springframework.jdbc=DEBUG",
            "spring.mvc.log-request-details=true"
        })
class PasswordLoggingIntegrationTests {

    @Autowired
    TestHttp http;

    @Test
    void passwords_never_appear_in_the_logs(CapturedOutput output) {
        String password = "Sup3r-Secret-Passphrase-" + System.nanoTime();
        String email = "logcheck" + System.nanoTime() + "@example.ph";

        assertThat(http.post(
                                "/api/v1/auth/register",
                                Map.of("email", email, "password", password, "display_name", "Log Check"))
                        .send()
                        .status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/auth/login", Map.of("email", email, "password", password))
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/auth/login", Map.of("email", email, "password", password + "-wrong"))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/api/v1/auth/register", Map.of("email", email, "password", password))
                        .send()
                        .status())
                .isEqualTo(400);

        assertThat(output.getAll()).contains("/api/v1/auth/login"); // the capture really sees the request logs
        assertThat(output.getAll()).doesNotContain(password);
    }
}
