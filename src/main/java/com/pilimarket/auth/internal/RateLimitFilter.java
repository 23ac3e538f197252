package com.pilimarket.auth.internal;

import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits under /api: each request counts against one group (auth, forecast placement,
 * purchases, or general), once for the caller's IP and once for the user when authenticated.
 * Refusal is 429 {@code RATE_LIMITED} with {@code Retry-After}.
 */
class RateLimitFilter extends OncePerRequestFilter {

    enum Group {
        AUTH,
        FORECASTS,
        PURCHASES,
        GENERAL
    }

    private final RateLimitProperties properties;
    private final RateLimitStore store;
    private final ErrorResponses errors;

    RateLimitFilter(RateLimitProperties properties, RateLimitStore store, ErrorResponses errors) {
        this.properties = properties;
        this.store = store;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    static Group groupOf(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean post = "POST".equals(request.getMethod());
        if (path.startsWith("/api/v1/auth/")) {
            return Group.AUTH;
        }
        if (post && path.equals("/api/v1/forecasts")) {
            return Group.FORECASTS;
        }
        if (post && path.equals("/api/v1/purchases")) {
            return Group.PURCHASES;
        }
        return Group.GENERAL;
    }

    private RateLimitProperties.Limit limitOf(Group group) {
        return switch (group) {
            case AUTH -> properties.auth();
            case FORECASTS -> properties.forecasts();
            case PURCHASES -> properties.purchases();
            case GENERAL -> properties.general();
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Group group = groupOf(request);
        RateLimitProperties.Limit limit = limitOf(group);
        String suffix = ":" + group.name().toLowerCase(java.util.Locale.ROOT);
        RateLimitStore.Decision byIp = store.tryConsume("ip:" + request.getRemoteAddr() + suffix, limit);
        Optional<UUID> user = Callers.currentUserId();
        RateLimitStore.Decision byUser = user.isPresent()
                ? store.tryConsume("user:" + user.get() + suffix, limit)
                : RateLimitStore.Decision.ALLOWED;
        if (byIp.allowed() && byUser.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(byIp.retryAfterSeconds(), byUser.retryAfterSeconds());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        errors.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                ErrorCodes.RATE_LIMITED,
                "Too many requests; try again in " + retryAfter + " s");
    }
}
