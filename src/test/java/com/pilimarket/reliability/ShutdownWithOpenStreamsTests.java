package com.pilimarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.PilimarketApplication;
import com.pilimarket.auth.AccessTokens;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.support.TestDatabases;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.users.Users;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stop with a browser's market stream open: the stream is closed as shutdown starts, so graceful
 * shutdown has no endless request to wait for (it used to sit out its whole 20 s grace period).
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownWithOpenStreamsTests {

    @Test
    void a_stop_closes_open_market_streams_and_does_not_wait_out_the_grace_period(CapturedOutput output)
            throws Exception {
        // application.yml's real shutdown settings (graceful, 20 s per phase), not the test profile's.
        ConfigurableApplicationContext app = new SpringApplicationBuilder(PilimarketApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + TestDatabases.create(),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.hikari.maximum-pool-size=5",
                        "--pilimarket.data-dir=" + Files.createTempDirectory("pm-shutdown"),
                        "--pilimarket.demo-data=false");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        TestUsers users =
                new TestUsers(app.getBean(Users.class), app.getBean(Ledger.class), app.getBean(AccessTokens.class));
        MarketDetail market =
                new TestMarkets(app.getBean(Markets.class), users).open("Shutdown " + UUID.randomUUID(), "Yes", "No");

        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/markets/" + market.id() + "/stream"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).startsWith("event:");
        CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
            try {
                while (reader.readLine() != null) {
                    // drain until the server ends the stream
                }
            } catch (java.io.IOException ignored) {
                // a reset also ends it
            }
        });

        long started = System.nanoTime();
        app.close();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        ended.get(5, TimeUnit.SECONDS);
        assertThat(output.getAll()).doesNotContain("Graceful shutdown aborted");
        // The grace period is 20 s; an idle stop takes a few. Only a wide margin is asserted.
        assertThat(took).isLessThan(Duration.ofSeconds(12));
    }
}
