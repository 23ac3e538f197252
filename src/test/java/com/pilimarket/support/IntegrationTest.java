package com.pilimarket.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against its own fresh PostgreSQL database, with Redis
 * off (in-process fallbacks). Tests that need Redis add {@link WithRedis}.
 *
 * <p>The fixtures are beans ({@code @Autowired TestUsers users; TestMarkets markets; TestEvents events;}), and
 * a test method may take Spring Modulith's {@link org.springframework.modulith.test.Scenario} as a parameter.
 * Every test class with this annotation alone shares one Spring context; each addition (a property, an
 * import, an initializer) starts another, so add one only when the test is about that setting. Passwords
 * are hashed with a cheap Argon2id ({@link TestPasswordHashing}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = TestDatabases.class)
@Import({
    TestUsers.class,
    TestHttp.class,
    TestMail.class,
    TestMarkets.class,
    TestEvents.class,
    PaymentEventsRecorder.class,
    TestPasswordHashing.class
})
@EnableScenarios
public @interface IntegrationTest {}
