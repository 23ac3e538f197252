package com.pilimarket.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds the tests' real Redis ({@code PILIMARKET_TEST_REDIS}, or one embedded in the test JVM) with a unique key
 * prefix. Combine it with {@link IntegrationTest}; it is applied by {@link TestRedis.Factory}
 * (a context customizer), because two meta-annotated {@code @ContextConfiguration}s on one class
 * do not merge.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface WithRedis {}
