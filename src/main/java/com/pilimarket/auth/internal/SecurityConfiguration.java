package com.pilimarket.auth.internal;

import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.web.ErrorResponses;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless security: access JWTs from {@code Authorization: Bearer} or the {@code access_token}
 * cookie; errors as the API envelope; admin routes need at least the moderator role (each endpoint
 * narrows it with {@code @PreAuthorize}). The accounts issue adds CSRF, rate limits and headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String ACCESS_COOKIE = "access_token";

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http, ErrorResponses errors, JwtAuthenticationConverter jwtConverter) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .oauth2ResourceServer(o -> o.bearerTokenResolver(bearerTokenResolver())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
                        .authenticationEntryPoint((req, res, ex) ->
                                errors.write(res, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "Log in first")))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) ->
                                errors.write(res, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "Log in first"))
                        .accessDeniedHandler((req, res, ex) ->
                                errors.write(res, HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "You may not do this")))
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/admin/**")
                        .hasRole("MODERATOR")
                        .anyRequest()
                        .permitAll());
        return http.build();
    }

    /** The header wins; browsers send the HttpOnly cookie instead. */
    static BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return (HttpServletRequest request) -> {
            String token = header.resolve(request);
            if (token != null) {
                return token;
            }
            Cookie[] cookies = request.getCookies();
            if (cookies != null) {
                for (Cookie cookie : cookies) {
                    if (ACCESS_COOKIE.equals(cookie.getName())
                            && !cookie.getValue().isBlank()) {
                        return cookie.getValue();
                    }
                }
            }
            return null;
        };
    }
}
