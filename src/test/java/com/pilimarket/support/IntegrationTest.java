package com.pilimarket.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against its own fresh PostgreSQL database, with Redis
 * off (in-process fallbacks). Tests that need Redis add {@link WithRedis}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabases.class)
@org.springframework.context.annotation.Import({TestUsers.class, TestHttp.class, TestMail.class})
public @interface IntegrationTest {}
