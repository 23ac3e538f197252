package com.pilimarket.shared.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The headers every response carries, whichever security filter chain served it (the main one, or
 * the webhook and sandbox chain): docs/SECURITY.md "Headers".
 */
public final class SecurityHeaders {

    /** Swagger UI and the sandbox checkout work under it: no inline scripts, inline styles allowed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: https:; "
            + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    private SecurityHeaders() {}

    /** CSP, Referrer-Policy, X-Frame-Options, X-Content-Type-Options; HSTS only in the prod profile. */
    public static Customizer<HeadersConfigurer<HttpSecurity>> everywhere(Environment environment) {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        return h -> {
            h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    .frameOptions(f -> f.deny())
                    .contentTypeOptions(c -> {});
            if (prod) {
                h.httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
            } else {
                h.httpStrictTransportSecurity(hsts -> hsts.disable());
            }
        };
    }
}
