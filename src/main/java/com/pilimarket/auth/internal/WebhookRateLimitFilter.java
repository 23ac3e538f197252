package com.pilimarket.auth.internal;

import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.web.ErrorResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Provider webhooks per IP ({@code pilimarket.rate-limits.webhooks}), before the body is read or its
 * signature computed: they carry no user, so the address is all there is to count. Providers send a
 * few events a minute; a flood is someone else.
 */
class WebhookRateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final RateLimitStore store;
    private final ErrorResponses errors;

    WebhookRateLimitFilter(RateLimitProperties properties, RateLimitStore store, ErrorResponses errors) {
        this.properties = properties;
        this.store = store;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.enabled() || !request.getRequestURI().startsWith("/webhooks/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitStore.Decision decision =
                store.tryConsume("ip:" + request.getRemoteAddr() + ":webhooks", properties.webhooks());
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        errors.write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                ErrorCodes.RATE_LIMITED,
                "Too many requests; try again in " + decision.retryAfterSeconds() + " s");
    }
}
