package com.pilimarket.auth.internal;

import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF double-submit for cookie sessions. An unsafe request under /api that carries our session
 * cookies (access or refresh) and no {@code Authorization: Bearer} header must echo the
 * {@code XSRF-TOKEN} cookie in the {@code X-XSRF-TOKEN} header. A cross-site page can make the
 * browser send the cookies but cannot read the token to copy it. Bearer clients and cookie-less
 * requests (a first login) need nothing.
 */
class Csrf extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final ErrorResponses errors;

    Csrf(ErrorResponses errors) {
        this.errors = errors;
    }

    static boolean isUnsafe(HttpServletRequest request) {
        return !SAFE.contains(request.getMethod());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isUnsafe(request) || hasBearer(request) || !hasSessionCookie(request)) {
            chain.doFilter(request, response);
            return;
        }
        String cookie = AuthCookies.read(request, AuthCookies.XSRF);
        String header = request.getHeader(AuthCookies.XSRF_HEADER);
        if (cookie == null || header == null || !constantTimeEquals(cookie, header)) {
            errors.write(
                    response,
                    HttpStatus.FORBIDDEN,
                    ErrorCodes.CSRF_FAILED,
                    "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean hasSessionCookie(HttpServletRequest request) {
        return AuthCookies.read(request, AuthCookies.ACCESS) != null
                || AuthCookies.read(request, AuthCookies.REFRESH) != null;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
