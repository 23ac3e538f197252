package com.pilimarket.shared.web;

import com.pilimarket.shared.ErrorCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string the container cannot decode ({@code q=100%}, bytes that are not UTF-8, a truncated
 * emoji) is the client's mistake: 400 {@code MALFORMED_REQUEST} here, before any filter or controller
 * asks for a parameter and trips over Tomcat's {@code InvalidParameterException} as if it were a bug.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
public class QueryStringCheck extends OncePerRequestFilter {

    private final ErrorResponses errors;

    public QueryStringCheck(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (IllegalStateException | IllegalArgumentException e) {
            errors.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    ErrorCodes.MALFORMED_REQUEST,
                    "The query string cannot be decoded: use UTF-8 with valid %-escapes");
            return;
        }
        chain.doFilter(request, response);
    }
}
