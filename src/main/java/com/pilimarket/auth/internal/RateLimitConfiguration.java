package com.pilimarket.auth.internal;

import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.shared.web.ErrorResponses;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Redis-backed buckets when Redis is configured (shared by all instances), in-memory otherwise. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitStore rateLimitStore(
            PlatformMode platform, @Value("${spring.data.redis.url:}") String redisUrl, Clock clock) {
        InMemoryRateLimitStore memory = new InMemoryRateLimitStore();
        return platform.redis() ? new RedisRateLimitStore(redisUrl, platform.keyPrefix(), memory, clock) : memory;
    }

    /** Outside the security chains, right after the client address is settled and before any body is read. */
    @Bean
    FilterRegistrationBean<WebhookRateLimitFilter> webhookRateLimitFilter(
            RateLimitProperties properties, RateLimitStore store, ErrorResponses errors) {
        FilterRegistrationBean<WebhookRateLimitFilter> registration =
                new FilterRegistrationBean<>(new WebhookRateLimitFilter(properties, store, errors));
        registration.addUrlPatterns("/webhooks/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }
}
