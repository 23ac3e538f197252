package com.pilimarket.payments;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pilimarket.PilimarketApplication;
import com.pilimarket.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class SandboxInProductionTests {

    @Test
    void the_app_refuses_to_start_in_the_prod_profile_with_the_sandbox_on() throws Exception {
        Path dataDir = Files.createTempDirectory("pm-prod-sandbox");
        // Command-line arguments, like a real deployment's settings, outrank application.yml.
        String[] args = {
            "--spring.profiles.active=prod",
            "--server.port=0",
            "--spring.datasource.url=" + TestDatabases.create(),
            "--spring.datasource.username=postgres",
            "--pilimarket.data-dir=" + dataDir,
            "--pilimarket.demo-data=false",
            "--pilimarket.auth.jwt-secret=prod-test-secret-prod-test-secret-0123456789",
            "--pilimarket.payments.sandbox=true"
        };

        assertThatThrownBy(() -> new SpringApplicationBuilder(PilimarketApplication.class).run(args))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(
                        "pilimarket.payments.sandbox=true (PILIMARKET_PAYMENTS_SANDBOX) is refused in the 'prod' profile");
    }
}
