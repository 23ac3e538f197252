package com.pilimarket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class SecurityHeadersIntegrationTests {

    @Autowired
    TestHttp http;

    @Test
    void responses_carry_the_security_headers() {
        Result result = http.get("/api/v1/auth/csrf").send();

        assertThat(result.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self'")
                .doesNotContain("unsafe-eval");
        assertThat(result.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(result.header("X-Frame-Options")).isEqualTo("DENY");
        // HSTS only in the prod profile.
        assertThat(result.header("Strict-Transport-Security")).isNull();
    }

    static void assertSecurityHeaders(String what, Result result) {
        assertThat(result.header("Content-Security-Policy"))
                .as(what)
                .isEqualTo("default-src 'self'; img-src 'self' data: https:; style-src 'self' 'unsafe-inline'; "
                        + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
                        + "form-action 'self'");
        assertThat(result.header("Referrer-Policy")).as(what).isEqualTo("strict-origin-when-cross-origin");
        assertThat(result.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(result.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    }

    @Test
    void sandbox_webhook_and_actuator_responses_carry_the_security_headers_too() {
        assertSecurityHeaders(
                "sandbox page",
                http.get("/sandbox/checkout/" + java.util.UUID.randomUUID())
                        .header("Accept", "text/html")
                        .send());
        assertSecurityHeaders(
                "stripe webhook",
                http.post("/webhooks/stripe", null).rawBody("{}").send());
        assertSecurityHeaders(
                "paymongo webhook",
                http.post("/webhooks/paymongo", null).rawBody("{}").send());
        assertSecurityHeaders("health", http.get("/actuator/health").send());
        assertSecurityHeaders("api", http.get("/api/v1/markets").send());
    }

    @Test
    void the_actuator_exposes_only_health_without_details_and_prometheus() {
        for (String hidden : new String[] {
            "/actuator/metrics",
            "/actuator/metrics/jvm.memory.used",
            "/actuator/info",
            "/actuator/env",
            "/actuator/beans",
            "/actuator/loggers"
        }) {
            assertThat(http.get(hidden).send().status()).as(hidden).isEqualTo(404);
        }
        Result health = http.get("/actuator/health").send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        // Component names and states only: no versions, database mode or disk paths for strangers.
        assertThat(health.raw().body()).doesNotContain("details", "path", "free", "database", "redis");
        assertThat(http.get("/actuator/health/readiness").send().status()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus")
                        .header("Accept", "text/plain")
                        .send()
                        .raw()
                        .body())
                .contains("http_server_requests_seconds");
    }

    @Test
    void swagger_ui_loads_without_inline_scripts() {
        Result page =
                http.get("/swagger-ui/index.html").header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("style-src 'self' 'unsafe-inline'");
        // Every <script> has a src: CSP script-src 'self' lets it run.
        assertThat(page.raw().body().replaceAll("(?s)<script[^>]*src=[^>]*>\\s*</script>", ""))
                .doesNotContain("<script");
        assertThat(http.get("/swagger-ui/swagger-initializer.js")
                        .header("Accept", "*/*")
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void the_single_page_app_is_served_with_the_policy() {
        Result page = http.get("/").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).isNotBlank();
    }
}
