package com.pilimarket.auth.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pilimarket.rate-limits.*}: each group allows {@code requests} per {@code per}, counted per
 * user (when authenticated) and per IP; {@code webhooks} per IP only.
 */
@ConfigurationProperties("pilimarket.rate-limits")
public record RateLimitProperties(
        Boolean enabled, Limit auth, Limit forecasts, Limit purchases, Limit general, Limit webhooks) {

    /** {@code requests} per {@code per}. */
    public record Limit(long requests, Duration per) {

        public Limit {
            if (requests < 1) {
                throw new IllegalArgumentException("a rate limit allows at least one request");
            }
            per = per == null ? Duration.ofMinutes(1) : per;
        }
    }

    public RateLimitProperties {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        auth = auth == null ? new Limit(10, Duration.ofMinutes(1)) : auth;
        forecasts = forecasts == null ? new Limit(10, Duration.ofMinutes(1)) : forecasts;
        purchases = purchases == null ? new Limit(5, Duration.ofHours(1)) : purchases;
        general = general == null ? new Limit(100, Duration.ofMinutes(1)) : general;
        webhooks = webhooks == null ? new Limit(120, Duration.ofMinutes(1)) : webhooks;
    }
}
