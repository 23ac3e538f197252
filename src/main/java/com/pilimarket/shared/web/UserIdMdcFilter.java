package com.pilimarket.shared.web;

import com.pilimarket.shared.security.Callers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the authenticated caller's id into the log context ({@code user_id}), next to
 * {@code request_id}. Runs right after the security filter chain, so the authentication is known.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
public class UserIdMdcFilter extends OncePerRequestFilter {

    public static final String MDC_KEY = "user_id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var userId = Callers.currentUserId();
        if (userId.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(MDC_KEY, userId.get().toString());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
