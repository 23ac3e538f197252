package com.pilimarket.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points a test context at the real Redis, failing loudly if it does not answer. */
public class TestRedis implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String URL = System.getenv().getOrDefault("PILIMARKET_TEST_REDIS", "redis://127.0.0.1:6379");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        RedisClient client = RedisClient.create(URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Redis tests need Redis at " + URL + "; start it with 'redis-server "
                            + "--daemonize yes' or set PILIMARKET_TEST_REDIS. Cause: " + e.getMessage(),
                    e);
        } finally {
            client.shutdown();
        }
        String prefix = "pmtest:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        TestPropertyValues.of("spring.data.redis.url=" + URL, "pilimarket.redis.key-prefix=" + prefix)
                .applyTo(context);
    }

    /** Applies {@link TestRedis} to test classes annotated with {@link WithRedis} (registered in spring.factories). */
    public static class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(
                Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
            return AnnotatedElementUtils.hasAnnotation(testClass, WithRedis.class) ? new Customizer() : null;
        }
    }

    /** All Redis test classes with otherwise equal configuration share one context (and one key prefix). */
    static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            new TestRedis().initialize(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
