package com.pilimarket.auth.internal;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/**
 * The two checks every request's headers go through, written as plain loops. Spring Security's
 * defaults express the same rules as regular expressions (a Unicode class per character of every
 * header value, and a pattern for the {@code Authorization} header); on an authenticated request
 * those two regexes took about a quarter of the request thread's CPU in the benchmark's profile
 * (docs/PERFORMANCE.md).
 */
final class HeaderText {

    private HeaderText() {}

    /**
     * The firewall's rule for header names and values: no control characters and no unassigned
     * code points (StrictHttpFirewall's default, {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}).
     */
    static boolean isPrintable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue; // printable ASCII: the common case
            }
            if (Character.isISOControl(c) || !Character.isDefined(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The token of an {@code Authorization: Bearer <token>} header, as Spring's
     * DefaultBearerTokenResolver reads it: null when the header is absent or another scheme; a
     * malformed bearer value is refused (401 {@code invalid_token}) rather than ignored. The token
     * is base64url/base64 text with optional padding ({@code [A-Za-z0-9-._~+/]+=*}).
     */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "bearer", 0, 6)) {
            return null;
        }
        if (authorization.length() < 8 || authorization.charAt(6) != ' ') {
            throw malformed();
        }
        int end = authorization.length();
        while (end > 7 && authorization.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 7) {
            throw malformed();
        }
        for (int i = 7; i < end; i++) {
            if (!isTokenChar(authorization.charAt(i))) {
                throw malformed();
            }
        }
        return authorization.substring(7);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }

    private static OAuth2AuthenticationException malformed() {
        return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
}
