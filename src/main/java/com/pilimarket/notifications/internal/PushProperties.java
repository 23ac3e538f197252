package com.pilimarket.notifications.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Web Push settings ({@code pilimarket.push.*}, docs/ENGAGEMENT.md). Without VAPID keys the app
 * generates a pair into the data dir, except in {@code prod}, where push stays off until both keys are
 * configured. {@code allowLocalhost} unset means: subscriptions whose push service is on this machine
 * (http://localhost…, for tests and development) are accepted outside {@code prod} only.
 */
@ConfigurationProperties("pilimarket.push")
record PushProperties(
        @Nullable String vapidPublicKey,
        @Nullable String vapidPrivateKey,
        String vapidSubject,
        Duration pollInterval,
        int maxAttempts,
        int maxSubscriptionsPerUser,
        Duration ttl,
        @Nullable Boolean allowLocalhost) {

    PushProperties {
        vapidSubject = vapidSubject == null || vapidSubject.isBlank() ? "mailto:no-reply@pilimarket.ph" : vapidSubject;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        maxSubscriptionsPerUser = maxSubscriptionsPerUser <= 0 ? 10 : maxSubscriptionsPerUser;
        ttl = ttl == null ? Duration.ofDays(1) : ttl;
    }
}
