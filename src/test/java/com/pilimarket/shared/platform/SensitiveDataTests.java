package com.pilimarket.shared.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitiveDataTests {

    @Test
    void passwords_tokens_and_emails_are_removed_from_text_and_the_rest_is_kept() {
        String text = "login failed for juan@example.ph password=hunter2 "
                + "{\"password\":\"s3cret!\",\"display_name\":\"Juan\"} Authorization: Bearer abc.def "
                + "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl refresh_token=r-123&page=2";

        String scrubbed = SensitiveData.scrub(text);

        assertThat(scrubbed)
                .doesNotContain("juan@example.ph", "hunter2", "s3cret!", "abc.def", "eyJhbGciOiJIUzI1NiJ9", "r-123")
                .contains("login failed for [email]", "\"display_name\":\"Juan\"", "page=2");
    }

    @Test
    void secret_headers_lose_their_values_whatever_they_hold() {
        Map<String, String> headers = new HashMap<>(Map.of(
                "Cookie", "access_token=x; XSRF-TOKEN=y",
                "X-XSRF-TOKEN", "y",
                "User-Agent", "Mozilla/5.0",
                "X-Request-Id", "abc-123-def"));

        SensitiveData.scrubValues(headers);

        assertThat(headers)
                .containsEntry("Cookie", SensitiveData.REDACTED)
                .containsEntry("X-XSRF-TOKEN", SensitiveData.REDACTED)
                .containsEntry("User-Agent", "Mozilla/5.0")
                .containsEntry("X-Request-Id", "abc-123-def");
    }
}
