package com.pilimarket.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each Spring test context its own fresh database on the real PostgreSQL server of the
 * machine (127.0.0.1:5432, or {@code PILIMARKET_TEST_PG}), dropped when the JVM exits. Fails
 * loudly when PostgreSQL is not there: tests never silently skip.
 */
public class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String SERVER =
            System.getenv().getOrDefault("PILIMARKET_TEST_PG", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = System.getenv().getOrDefault("PILIMARKET_TEST_PG_USER", "postgres");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = create();
        TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=" + USER)
                .applyTo(context);
    }

    /** Creates a fresh, empty database and returns its JDBC URL. */
    public static String create() {
        String name = "pm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Integration tests need PostgreSQL at " + SERVER + " (user " + USER + "); start it with "
                            + "'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start' or set "
                            + "PILIMARKET_TEST_PG. Cause: " + e.getMessage(),
                    e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
        return SERVER + name;
    }

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // Best effort at shutdown; a leftover test database is harmless.
        }
    }
}
