package com.pilimarket.shared.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.PilimarketApplication;
import com.pilimarket.payments.internal.PaymentMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With no datasource URL the app runs its own PostgreSQL, and the data survives a restart. */
class EmbeddedDatabaseIntegrationTests {

    @TempDir
    Path dataDir;

    @Test
    void data_in_the_embedded_database_survives_a_restart() {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.getBean(PlatformMode.class).embeddedDatabase()).isTrue();
            // A development box: the sandbox gateway is on without being asked for.
            assertThat(first.getBean(PaymentMode.class).sandbox()).isTrue();
            first.getBean(JdbcClient.class)
                    .sql("INSERT INTO users (email, password_hash, display_name) VALUES ('keep@test.ph', 'x', 'Keep')")
                    .update();
        }

        try (ConfigurableApplicationContext second = start()) {
            long kept = second.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM users WHERE email = 'keep@test.ph'")
                    .query(Long.class)
                    .single();
            assertThat(kept).isEqualTo(1);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(PilimarketApplication.class)
                .profiles("test")
                .run(
                        // Command-line arguments, so they win over application.yml.
                        "--server.port=0",
                        "--pilimarket.data-dir=" + dataDir,
                        "--pilimarket.demo-data=false",
                        // Unset, as on a developer's machine (the test profile switches it on explicitly).
                        "--pilimarket.payments.sandbox=");
    }
}
