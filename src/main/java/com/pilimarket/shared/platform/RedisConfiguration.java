package com.pilimarket.shared.platform;

import io.lettuce.core.RedisURI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Redis is optional: with {@code spring.data.redis.url} (env {@code SPRING_DATA_REDIS_URL}) these
 * beans exist and modules use Redis for caches, rate limits, leaderboards and pub/sub; without it
 * they fall back to in-process equivalents (see {@link PlatformMode}). Boot's own Redis
 * auto-configuration is excluded so that an unset URL never means "localhost:6379".
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.data.redis.url:}'.isEmpty()")
public class RedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RedisConfiguration.class);

    @Bean
    LettuceConnectionFactory redisConnectionFactory(@Value("${spring.data.redis.url}") String url) {
        RedisURI uri = RedisURI.create(url);
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
        config.setDatabase(uri.getDatabase());
        if (uri.getPassword() != null && uri.getPassword().length > 0) {
            config.setPassword(uri.getPassword());
        }
        if (uri.getUsername() != null) {
            config.setUsername(uri.getUsername());
        }
        log.info("Redis: {}:{} database {}", uri.getHost(), uri.getPort(), uri.getDatabase());
        return new LettuceConnectionFactory(config);
    }

    @Bean
    StringRedisTemplate stringRedisTemplate(LettuceConnectionFactory factory) {
        return new StringRedisTemplate(factory);
    }

    @Bean
    RedisMessageListenerContainer redisMessageListenerContainer(LettuceConnectionFactory factory) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(factory);
        return container;
    }
}
