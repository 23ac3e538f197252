package com.pilimarket.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/** Adds the machine's real Redis (127.0.0.1:6379 or {@code PILIMARKET_TEST_REDIS}) with a unique key prefix. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = TestRedis.class)
public @interface WithRedis {}
