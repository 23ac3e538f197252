package com.pilimarket.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.RequestRejectedException;

/** The loops that replace Spring Security's header regexes must say exactly what the regexes say. */
class HeaderTextTests {

    static final List<String> AUTHORIZATION_HEADERS = List.of(
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
            "bearer abc",
            "BEARER abc==",
            "Bearer a-b.c_d~e+f/g",
            "Bearer ",
            "Bearer",
            "Bearerabc",
            "Bearer  abc",
            "Bearer abc def",
            "Bearer ==",
            "Bearer abc=d",
            "Bearer ñ",
            "Basic dXNlcjpwYXNz",
            "Token abc",
            "");

    @Test
    void the_bearer_token_is_read_exactly_as_springs_resolver_reads_it() {
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        for (String header : AUTHORIZATION_HEADERS) {
            MockHttpServletRequest request = new MockHttpServletRequest();
            request.addHeader("Authorization", header);
            Object expected = outcome(() -> spring.resolve(request));
            Object actual = outcome(() -> HeaderText.bearerToken(header));
            assertThat(actual).as("Authorization: %s", header).isEqualTo(expected);
        }
        assertThat(HeaderText.bearerToken(null)).isNull();
    }

    @Test
    void header_text_may_not_hold_control_characters_or_unassigned_code_points() {
        assertThat(HeaderText.isPrintable("Mozilla/5.0 (Linux; Android 14) Pilimarket"))
                .isTrue();
        assertThat(HeaderText.isPrintable("Dalawang salita: ñ, ₱, 日本")).isTrue();
        assertThat(HeaderText.isPrintable("")).isTrue();
        assertThat(HeaderText.isPrintable("a\tb")).isFalse();
        assertThat(HeaderText.isPrintable("bell\u0007")).isFalse();
        assertThat(HeaderText.isPrintable("del\u007f")).isFalse();
        assertThat(HeaderText.isPrintable("c1\u0085")).isFalse();
        assertThat(HeaderText.isPrintable("unassigned\u0378")).isFalse();
    }

    @Test
    void the_firewall_rejects_a_header_value_with_a_control_character() {
        var firewall = new SecurityConfiguration().httpFirewall();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/markets");
        request.addHeader("X-Device-Id", "phone\u0000");
        request.addHeader("User-Agent", "Pilimarket ñ");
        var firewalled = firewall.getFirewalledRequest(request);

        assertThat(firewalled.getHeader("User-Agent")).isEqualTo("Pilimarket ñ");
        assertThatThrownBy(() -> firewalled.getHeader("X-Device-Id")).isInstanceOf(RequestRejectedException.class);
    }

    /** The token, or the error's description: what a caller can tell apart. */
    private static Object outcome(java.util.function.Supplier<String> read) {
        try {
            return String.valueOf(read.get());
        } catch (OAuth2AuthenticationException e) {
            return "refused: " + e.getError().getErrorCode();
        }
    }
}
