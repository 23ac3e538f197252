package com.pilimarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ApiConventionsIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    com.pilimarket.support.TestUsers users;

    @Test
    void an_unknown_api_route_is_a_json_404_envelope() {
        Result result = http.get("/api/v1/no-such-thing").send();

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.body().get("success").asBoolean()).isFalse();
        assertThat(result.body().get("data").isNull()).isTrue();
        assertThat(result.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void every_response_carries_a_request_id_and_echoes_a_sane_one() {
        assertThat(http.get("/api/v1/no-such-thing").send().header("X-Request-Id"))
                .isNotBlank();
        assertThat(http.get("/api/v1/no-such-thing")
                        .header("X-Request-Id", "abc-12345-xyz")
                        .send()
                        .header("X-Request-Id"))
                .isEqualTo("abc-12345-xyz");
        assertThat(http.get("/api/v1/no-such-thing")
                        .header("X-Request-Id", "<script>")
                        .send()
                        .header("X-Request-Id"))
                .isNotEqualTo("<script>");
    }

    @Test
    void deep_links_of_the_single_page_app_fall_back_to_index_html() {
        Result page =
                http.get("/markets/some-slug").header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body()).contains("<html");
    }

    @Test
    void a_missing_asset_is_a_404_not_the_app() {
        assertThat(http.get("/assets/missing-file.js")
                        .header("Accept", "*/*")
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void hashed_assets_are_sent_brotli_compressed_when_the_browser_accepts_it() {
        Result br = http.get("/assets/probe-test.js")
                .header("Accept", "*/*")
                .header("Accept-Encoding", "gzip, deflate, br, zstd")
                .send();
        assertThat(br.status()).isEqualTo(200);
        assertThat(br.header("Content-Encoding")).isEqualTo("br");
        assertThat(br.header("Vary")).containsIgnoringCase("Accept-Encoding");
        assertThat(br.header("Content-Type")).contains("javascript");
        assertThat(br.header("Cache-Control")).contains("immutable");

        Result plain = http.get("/assets/probe-test.js")
                .header("Accept", "*/*")
                .header("Accept-Encoding", "identity")
                .send();
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.raw().body()).contains("Brotli probe");
    }

    @Test
    void the_openapi_document_and_swagger_ui_are_served() {
        Result docs = http.get("/v3/api-docs").send();
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("openapi").asString()).startsWith("3.");
        // Schemas speak the wire's snake_case.
        assertThat(docs.body().at("/components/schemas").toString())
                .contains("\"market_id\"", "\"display_name\"")
                .doesNotContain("\"marketId\"", "\"displayName\"");
        assertThat(http.get("/docs").header("Accept", "text/html").send().status())
                .isIn(200, 302);
    }

    @Test
    void admin_routes_need_a_valid_token() {
        Result anonymous = http.get("/api/v1/admin/stats").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("UNAUTHENTICATED");

        Result forged = http.get("/api/v1/admin/stats")
                .bearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.")
                .send();
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void health_reports_the_database_and_redis_mode() {
        // Details are for admins only (docs/SECURITY.md).
        Result health = http.get("/actuator/health")
                .bearer(users.create(0, com.pilimarket.users.UserRole.ADMIN).token())
                .send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/platform/details/database").asString())
                .isEqualTo("external");
        assertThat(health.body().at("/components/platform/details/redis").asString())
                .startsWith("not configured");
    }
}
