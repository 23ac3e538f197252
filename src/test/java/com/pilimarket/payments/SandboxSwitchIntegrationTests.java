package com.pilimarket.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.PilimarketApplication;
import com.pilimarket.support.TestDatabases;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sandbox gateway credits chips without payment, so on an external database it runs only when
 * switched on explicitly: a deployment that forgets the {@code prod} profile must not be a free chip
 * printer. (The embedded database keeps it on by default: {@code EmbeddedDatabaseIntegrationTests}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxSwitchIntegrationTests {

    private static final String LOUD_WARNING = "PAYMENTS SANDBOX IS ON";

    @Test
    void on_an_external_database_without_the_switch_no_purchase_can_be_paid_in_the_sandbox(CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            TestHttp http = new TestHttp(app);
            String token = register(http);

            Result purchase = buyStarterChips(http, token);

            assertThat(purchase.status())
                    .as("no sandbox checkout, no provider configured")
                    .isNotEqualTo(201);
            assertThat(chips(http, token)).isEqualTo(1_000);
            assertThat(output.getAll()).doesNotContain(LOUD_WARNING);
        }
    }

    @Test
    void switched_on_explicitly_the_sandbox_pays_and_says_so_once_at_start(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = start("--pilimarket.payments.sandbox=true")) {
            TestHttp http = new TestHttp(app);
            String token = register(http);

            Result purchase = buyStarterChips(http, token);
            assertThat(purchase.status()).isEqualTo(201);
            String checkout = purchase.data().get("checkout_url").asString();
            assertThat(checkout).startsWith("/sandbox/checkout/");
            assertThat(http.post(checkout + "/pay", null).send().status()).isEqualTo(303);

            assertThat(chips(http, token)).isEqualTo(1_100);
            assertThat(output.getAll().lines().filter(l -> l.contains(LOUD_WARNING) && l.contains("WARN")))
                    .hasSize(1)
                    .allMatch(l -> l.contains("PILIMARKET_PAYMENTS_SANDBOX=true"));
        }
    }

    /** Like a real deployment: application.yml plus command-line settings, no test profile. */
    private static ConfigurableApplicationContext start(String... extra) throws Exception {
        Path dataDir = Files.createTempDirectory("pm-sandbox-switch");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabases.create(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=5",
                "--pilimarket.data-dir=" + dataDir,
                "--pilimarket.demo-data=false",
                "--pilimarket.rate-limits.enabled=false",
                "--server.shutdown=immediate"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(PilimarketApplication.class).run(args.toArray(String[]::new));
    }

    private static String register(TestHttp http) {
        String email = "sandbox-" + UUID.randomUUID().toString().substring(0, 8) + "@test.ph";
        Result registered = http.post(
                        "/api/v1/auth/register",
                        Map.of("email", email, "password", "sandbox-password-1", "display_name", "Sandbox Tester"))
                .send();
        assertThat(registered.status()).isEqualTo(201);
        return registered.data().get("access_token").asString();
    }

    private static Result buyStarterChips(TestHttp http, String token) {
        return http.post("/api/v1/purchases", Map.of("package_id", "starter", "provider", "gcash"))
                .bearer(token)
                .send();
    }

    private static long chips(TestHttp http, String token) {
        return http.get("/api/v1/users/me")
                .bearer(token)
                .send()
                .data()
                .get("chips")
                .asLong();
    }
}
