package com.pilimarket.support;

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

/**
 * Points a test context at the tests' Redis: the one {@code PILIMARKET_TEST_REDIS} names, or else
 * one embedded in the test JVM (see {@link TestServices}), with a key prefix of its own.
 */
public class TestRedis implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String prefix = "pmtest:" + UUID.randomUUID().toString().substring(0, 8) + ":";
        TestPropertyValues.of("spring.data.redis.url=" + TestServices.redis(), "pilimarket.redis.key-prefix=" + prefix)
                .applyTo(context);
        TestServices.closeBeforeShutdown(context);
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
