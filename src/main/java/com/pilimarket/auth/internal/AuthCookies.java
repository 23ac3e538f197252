package com.pilimarket.auth.internal;

import com.pilimarket.auth.AuthProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The web client's cookies: {@code access_token} (path /, 15 min) and {@code refresh_token} (path
 * /api/v1/auth, 7 days), both HttpOnly and SameSite=Lax, plus the JS-readable {@code XSRF-TOKEN}
 * of the CSRF double-submit. {@code Secure} everywhere except on localhost, where dev runs on http.
 */
@Component
class AuthCookies {

    static final String ACCESS = "access_token";
    static final String REFRESH = "refresh_token";
    static final String XSRF = "XSRF-TOKEN";
    static final String XSRF_HEADER = "X-XSRF-TOKEN";
    static final String REFRESH_PATH = "/api/v1/auth";

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthProperties properties;

    AuthCookies(AuthProperties properties) {
        this.properties = properties;
    }

    void writeSession(HttpServletRequest request, HttpServletResponse response, Sessions.TokenPair pair) {
        boolean secure = secure(request);
        add(
                response,
                ResponseCookie.from(ACCESS, pair.accessToken())
                        .path("/")
                        .maxAge(properties.accessTokenTtl())
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite("Lax")
                        .build());
        add(
                response,
                ResponseCookie.from(REFRESH, pair.refreshToken())
                        .path(REFRESH_PATH)
                        .maxAge(properties.refreshTokenTtl())
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite("Lax")
                        .build());
        ensureCsrf(request, response);
    }

    void clearSession(HttpServletRequest request, HttpServletResponse response) {
        boolean secure = secure(request);
        add(
                response,
                ResponseCookie.from(ACCESS, "")
                        .path("/")
                        .maxAge(0)
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite("Lax")
                        .build());
        add(
                response,
                ResponseCookie.from(REFRESH, "")
                        .path(REFRESH_PATH)
                        .maxAge(0)
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite("Lax")
                        .build());
    }

    /** Keeps the caller's CSRF token if it has one (other tabs hold it too), else issues one. */
    String ensureCsrf(HttpServletRequest request, HttpServletResponse response) {
        String token = read(request, XSRF);
        if (token == null || token.length() < 16 || token.length() > 100) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        add(
                response,
                ResponseCookie.from(XSRF, token)
                        .path("/")
                        .maxAge(properties.refreshTokenTtl())
                        .httpOnly(false)
                        .secure(secure(request))
                        .sameSite("Lax")
                        .build());
        return token;
    }

    static String read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())
                    && cookie.getValue() != null
                    && !cookie.getValue().isBlank()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static boolean secure(HttpServletRequest request) {
        return !LOCAL_HOSTS.contains(request.getServerName());
    }

    private static void add(HttpServletResponse response, ResponseCookie cookie) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }
}
