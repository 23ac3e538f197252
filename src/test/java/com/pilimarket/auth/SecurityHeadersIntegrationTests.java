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
