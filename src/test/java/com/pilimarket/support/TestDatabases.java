package com.pilimarket.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each Spring test context its own fresh database on the tests' PostgreSQL server: the one
 * {@code PILIMARKET_TEST_PG} names, or else one embedded in the test JVM (see {@link TestServices}).
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = create();
        TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + TestServices.PG_USER)
                .applyTo(context);
        TestServices.closeBeforeShutdown(context);
    }

    /** Creates a fresh database with the application's schema (see {@link TestServices#createDatabase}). */
    public static String create() {
        return TestServices.createDatabase("pm_test_");
    }
}
