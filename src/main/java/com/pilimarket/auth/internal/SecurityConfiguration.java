package com.pilimarket.auth.internal;

import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.security.SecurityHeaders;
import com.pilimarket.shared.web.ErrorResponses;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Stateless security: access JWTs from {@code Authorization: Bearer} or the {@code access_token}
 * cookie; CSRF double-submit for cookie sessions; the account's live status and role; rate
 * limits; security headers; errors as the API envelope. Admin routes need at least the moderator
 * role (each endpoint narrows it with {@code @PreAuthorize}).
 *
 * <p>Filter order: request id → headers → CSRF → bearer authentication → account status → rate
 * limit → authorization.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ErrorResponses errors,
            JwtDecoder jwtDecoder,
            JwtAuthenticationConverter jwtConverter,
            AccountStatuses statuses,
            RateLimitProperties rateLimits,
            RateLimitStore rateLimitStore,
            Environment environment)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .headers(SecurityHeaders.everywhere(environment))
                .oauth2ResourceServer(o -> o.bearerTokenResolver(bearerTokenResolver())
                        .jwt(jwt -> jwt.authenticationManager(bearerAuthentication(jwtDecoder, jwtConverter)))
                        .authenticationEntryPoint((req, res, ex) ->
                                errors.write(res, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "Log in first")))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) ->
                                errors.write(res, HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "Log in first"))
                        .accessDeniedHandler((req, res, ex) ->
                                errors.write(res, HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "You may not do this")))
                .addFilterBefore(new Csrf(errors), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new AccountStatusFilter(statuses, errors), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(rateLimits, rateLimitStore, errors), AccountStatusFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/admin/**")
                        .hasRole("MODERATOR")
                        .anyRequest()
                        .permitAll());
        return http.build();
    }

    /**
     * The bearer token's authentication, as Spring builds it but without an application event per
     * request (an {@code AuthenticationSuccessEvent} nobody listens to: 2 % of a request's CPU in the
     * benchmark's profile). Failures are answered as before (401 {@code invalid_token}).
     */
    static AuthenticationManager bearerAuthentication(JwtDecoder decoder, JwtAuthenticationConverter converter) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(converter);
        return new ProviderManager(provider);
    }

    /**
     * No Micrometer observation around each security filter, the authentication and the authorization:
     * switching them off by property ({@code management.observations.enable.spring.security}) left every
     * filter wrapped in a no-op observation, a few % of a request's CPU. Requests are still timed as a
     * whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The header wins; browsers send the HttpOnly cookie instead. The auth endpoints ignore both: a
     * stale access token must never stand in the way of logging in or refreshing.
     */
    static BearerTokenResolver bearerTokenResolver() {
        return (HttpServletRequest request) -> {
            if (request.getRequestURI().startsWith(AuthCookies.REFRESH_PATH + "/")) {
                return null;
            }
            String token = HeaderText.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
            return token != null ? token : AuthCookies.read(request, AuthCookies.ACCESS);
        };
    }

    /** Spring's strict firewall, with its header rules checked by a loop instead of a Unicode regex. */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderText::isPrintable);
        firewall.setAllowedHeaderValues(HeaderText::isPrintable);
        return firewall;
    }
}
