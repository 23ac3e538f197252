package com.pilimarket.mail.internal;

import com.pilimarket.shared.platform.PlatformMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Decides whether the development mail server runs: it captures every mail and shows it to anyone
 * who opens /dev/mail (reset links included), so it is refused in {@code prod} and, unless switched
 * on explicitly, runs only beside the embedded database and without an SMTP host.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    @Bean(destroyMethod = "stop")
    DevMailServer devMailServer(
            MailProperties properties,
            Environment environment,
            PlatformMode platform,
            @Value("${spring.mail.host:}") String smtpHost) {
        boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
        Boolean explicit = properties.devServer();
        if (Boolean.TRUE.equals(explicit) && prod) {
            throw new IllegalStateException(
                    "pilimarket.mail.dev-server=true (PILIMARKET_MAIL_DEV_SERVER) is refused in "
                            + "the 'prod' profile: the development mail server shows every mail, reset links included, "
                            + "to anyone. Set SPRING_MAIL_HOST to a real SMTP server.");
        }
        if (!smtpHost.isBlank()) {
            return DevMailServer.off();
        }
        boolean on = explicit != null ? explicit : !prod && platform.embeddedDatabase();
        return on ? DevMailServer.start(properties.devServerPort()) : DevMailServer.off();
    }
}
