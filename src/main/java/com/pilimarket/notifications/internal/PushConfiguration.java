package com.pilimarket.notifications.internal;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Web Push: the VAPID keys (configured, or generated into the data dir outside prod) and the HTTP client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PushProperties.class)
class PushConfiguration {

    @Bean
    PushKeys pushKeys(
            PushProperties properties, Environment environment, @Value("${pilimarket.data-dir}") String dataDir) {
        return PushKeys.load(properties, environment.acceptsProfiles(Profiles.of("prod")), Path.of(dataDir));
    }

    @Bean
    PushTargets pushTargets(PushProperties properties, Environment environment) {
        Boolean explicit = properties.allowLocalhost();
        boolean allow = explicit != null ? explicit : !environment.acceptsProfiles(Profiles.of("prod"));
        return new PushTargets(allow, properties.maxSubscriptionsPerUser());
    }

    /** The client that posts to push services (never follows redirects: an endpoint is one URL). */
    static HttpClient httpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }
}
