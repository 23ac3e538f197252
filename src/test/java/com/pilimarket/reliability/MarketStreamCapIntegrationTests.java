package com.pilimarket.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** Public market streams are capped per client address: one address cannot hold thousands of connections. */
@IntegrationTest
// A client that closed its stream is noticed at the next keep-alive write: 20 s in production, too
// close to this test's patience on a loaded machine.
@TestPropertySource(properties = {"pilimarket.streams.max-per-client=3", "pilimarket.streams.heartbeat-ms=250"})
class MarketStreamCapIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    TestMarkets markets;

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<InputStream> open = new ArrayList<>();

    @AfterEach
    void closeStreams() throws Exception {
        for (InputStream stream : open) {
            stream.close();
        }
    }

    @Test
    void a_client_beyond_its_stream_cap_gets_429_and_gets_in_again_once_one_closes() throws Exception {
        MarketDetail first = markets.open("Cap A " + UUID.randomUUID(), "Yes", "No");
        MarketDetail second = markets.open("Cap B " + UUID.randomUUID(), "Yes", "No");

        // The cap counts the address across markets.
        assertThat(stream(first).statusCode()).isEqualTo(200);
        assertThat(stream(first).statusCode()).isEqualTo(200);
        assertThat(stream(second).statusCode()).isEqualTo(200);

        HttpResponse<InputStream> refused = stream(second);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        String body = new String(refused.body().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"success\":false").contains("RATE_LIMITED");

        open.remove(0).close();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    HttpResponse<InputStream> again = stream(first);
                    if (again.statusCode() != 200) {
                        open.remove(again.body());
                        again.body().close();
                    }
                    return again.statusCode() == 200;
                });
    }

    private HttpResponse<InputStream> stream(MarketDetail market) throws Exception {
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(URI.create(http.baseUrl() + "/api/v1/markets/" + market.id() + "/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        open.add(response.body());
        return response;
    }
}
