package com.pilimarket.shared.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import com.sun.net.httpserver.HttpServer;
import io.sentry.Sentry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * With {@code SENTRY_DSN} set, an unexpected error reaches Sentry with the request id and the user id,
 * and without the password, token, cookie or email address that were in the request or the error.
 * Sentry is played by a local HTTP endpoint that keeps the envelopes it receives. The 500s reach it
 * through the logback integration (sentry-logback), since ApiExceptionHandler answers them.
 */
@IntegrationTest
@Import(ErrorTrackingIntegrationTests.Failing.class)
@DirtiesContext
class ErrorTrackingIntegrationTests {

    private static final String PASSWORD = "hunter2-hunter2";
    private static final String EMAIL = "juan.dela.cruz@example.ph";
    private static final List<String> envelopes = new CopyOnWriteArrayList<>();
    private static final HttpServer sentry = startSentry();

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @DynamicPropertySource
    static void dsn(DynamicPropertyRegistry registry) {
        registry.add(
                "sentry.dsn",
                () -> "http://publickey@127.0.0.1:" + sentry.getAddress().getPort() + "/42");
    }

    @AfterAll
    static void stop() {
        // Sentry is process-wide: later test contexts in this JVM must find it off again.
        Sentry.close();
        sentry.stop(0);
    }

    /** A bug that puts secrets in its message, the way a careless exception would. */
    @TestConfiguration
    static class Failing {
        @Bean
        Controller failingController() {
            return new Controller();
        }
    }

    @RestController
    static class Controller {
        @GetMapping("/api/v1/test-only/fail")
        String fail() {
            throw new IllegalStateException("could not update " + EMAIL + " with password=" + PASSWORD);
        }
    }

    @Test
    void an_unexpected_error_reaches_sentry_with_request_and_user_id_and_without_secrets() {
        TestUser user = users.create(0);
        Result failed = http.get("/api/v1/test-only/fail?email=" + EMAIL + "&password=" + PASSWORD)
                .bearer(user.token())
                .header("Cookie", "refresh_token=cookie-secret-value")
                .send();
        assertThat(failed.status()).isEqualTo(500);
        String requestId = failed.header("X-Request-Id");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(envelopes)
                        .anyMatch(e -> e.contains("IllegalStateException") && e.contains(requestId)));
        String event = envelopes.stream()
                .filter(e -> e.contains("IllegalStateException") && e.contains(requestId))
                .findFirst()
                .orElseThrow();

        assertThat(event).contains("\"request_id\":\"" + requestId + "\"");
        assertThat(event).contains("\"user_id\":\"" + user.id() + "\"");
        assertThat(event).contains("\"id\":\"" + user.id() + "\"");
        for (String envelope : envelopes) {
            assertThat(envelope)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(EMAIL)
                    .doesNotContain(user.token())
                    .doesNotContain("cookie-secret-value");
        }
    }

    @Test
    void the_web_app_is_told_the_same_dsn() {
        Result config = http.get("/api/v1/client-config").send();

        assertThat(config.status()).isEqualTo(200);
        assertThat(config.data().get("sentry_dsn").asString())
                .isEqualTo("http://publickey@127.0.0.1:" + sentry.getAddress().getPort() + "/42");
    }

    private static HttpServer startSentry() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
                envelopes.add(decode(body, "gzip".equalsIgnoreCase(encoding)));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(byte[] body, boolean gzip) throws IOException {
        if (!gzip) {
            return new String(body, StandardCharsets.UTF_8);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
