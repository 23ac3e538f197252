package com.pilimarket.mail.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the mail module ({@code pilimarket.mail.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*} ({@code SPRING_MAIL_HOST} …). {@code devServer} unset means on exactly when
 * no SMTP host is set, the profile is not {@code prod} and the database is the embedded one.
 */
@ConfigurationProperties("pilimarket.mail")
public record MailProperties(
        String from,
        @Nullable Boolean devServer,
        int devServerPort,
        Duration pollInterval,
        int maxAttempts,
        String appBaseUrl) {

    public MailProperties {
        from = from == null || from.isBlank() ? "Pilimarket <no-reply@pilimarket.ph>" : from;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        appBaseUrl = appBaseUrl == null || appBaseUrl.isBlank() ? "http://localhost:8080" : appBaseUrl;
    }
}
