package com.pilimarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.shared.platform.Jobs;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import io.sentry.IScopes;
import io.sentry.Sentry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@IntegrationTest
class ObservabilityIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    TestMarkets markets;

    @Autowired
    Jobs jobs;

    @Autowired
    ApplicationContext context;

    @Test
    void prometheus_shows_http_jvm_pool_and_business_metrics() {
        TestUser admin = users.admin();
        TestUser player = users.create(1_000);
        MarketDetail market = markets.open("Metrics " + UUID.randomUUID(), "Yes", "No");
        Result placed = http.post(
                        "/api/v1/forecasts",
                        Map.of("market_id", market.id(), "outcome_id", TestMarkets.outcome(market, 0), "points", 25))
                .bearer(player.token())
                .send();
        assertThat(placed.status()).isEqualTo(201);
        Result resolved = http.post(
                        "/api/v1/admin/markets/" + market.id() + "/resolve",
                        Map.of(
                                "outcome_id",
                                TestMarkets.outcome(market, 0),
                                "evidence_urls",
                                List.of("https://example.com/result"),
                                "resolution_note",
                                "Official result"))
                .bearer(admin.token())
                .send();
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(http.post("/webhooks/stripe", null)
                        .rawBody("{\"id\":\"evt_1\"}")
                        .header("Stripe-Signature", "t=1,v1=forged")
                        .send()
                        .status())
                .isEqualTo(400);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = http.get("/actuator/prometheus")
                    .header("Accept", "text/plain")
                    .send()
                    .raw()
                    .body();
            assertThat(metrics)
                    .contains("http_server_requests_seconds_count")
                    .contains("jvm_memory_used_bytes")
                    .contains("hikaricp_connections_active")
                    .contains("pilimarket_forecasts_placed_total{application=\"pilimarket\",kind=\"new\"}")
                    .contains("pilimarket_chips_circulation{application=\"pilimarket\",holder=\"users\"}")
                    .contains("pilimarket_events_incomplete")
                    .contains("pilimarket_settlement_seconds_count{application=\"pilimarket\",kind=\"resolved\","
                            + "result=\"settled\"}")
                    .contains("pilimarket_webhooks_total{application=\"pilimarket\",outcome=\"invalid_signature\","
                            + "provider=\"stripe\"}");
        });
    }

    @Test
    void liveness_and_readiness_are_up_with_the_database_and_readiness_checks_it() {
        Result liveness = http.get("/actuator/health/liveness").send();
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().get("status").asString()).isEqualTo("UP");

        Result readiness = http.get("/actuator/health/readiness").send();
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().at("/components/db/status").asString()).isEqualTo("UP");
        // Redis is deliberately not part of readiness (every use of it falls back per instance).
        assertThat(readiness.body().at("/components/platform").isMissingNode()).isTrue();
    }

    @Test
    void every_metric_the_alert_rules_use_is_exported() throws Exception {
        jobs.run("alert-rules-check", () -> {});
        assertThat(http.post("/webhooks/paymongo", null)
                        .rawBody("{}")
                        .header("Paymongo-Signature", "t=1,te=forged")
                        .send()
                        .status())
                .isEqualTo(400);
        String rules = Files.readString(Path.of("ops", "prometheus", "alerts.yml"));
        Set<String> used = new TreeSet<>();
        Matcher metric = Pattern.compile("\\b([a-z_]+)\\{application=").matcher(rules);
        while (metric.find()) {
            used.add(metric.group(1));
        }
        assertThat(used).contains("pilimarket_dependency_up", "http_server_requests_seconds_count");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String metrics = http.get("/actuator/prometheus")
                    .header("Accept", "text/plain")
                    .send()
                    .raw()
                    .body();
            for (String name : used) {
                assertThat(metrics).as("exported: " + name).containsPattern("(?m)^" + name + "\\{");
            }
            assertThat(metrics)
                    .contains("pilimarket_dependency_up{application=\"pilimarket\",dependency=\"database\"} 1.0");
        });
    }

    @Test
    void without_a_sentry_dsn_error_tracking_is_inert() {
        assertThat(context.getBeanNamesForType(IScopes.class)).isEmpty();
        assertThat(Sentry.isEnabled()).isFalse();
        assertThat(http.get("/api/v1/client-config")
                        .send()
                        .data()
                        .get("sentry_dsn")
                        .isNull())
                .isTrue();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().toLowerCase(java.util.Locale.ROOT).contains("sentry"));
    }
}
