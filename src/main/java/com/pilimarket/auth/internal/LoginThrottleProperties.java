package com.pilimarket.auth.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The per-account login throttle ({@code pilimarket.auth.login-throttle.*}, docs/SECURITY.md). */
@ConfigurationProperties("pilimarket.auth.login-throttle")
record LoginThrottleProperties(Integer maxFailures, Duration baseDelay, Duration maxDelay, Duration window) {

    LoginThrottleProperties {
        maxFailures = maxFailures == null || maxFailures < 1 ? 5 : maxFailures;
        baseDelay = baseDelay == null ? Duration.ofSeconds(30) : baseDelay;
        maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        window = window == null ? Duration.ofMinutes(15) : window;
    }
}
