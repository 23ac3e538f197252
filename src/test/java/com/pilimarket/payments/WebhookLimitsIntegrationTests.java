package com.pilimarket.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook bodies are capped before anything reads or verifies them. */
@IntegrationTest
class WebhookLimitsIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    MeterRegistry meters;

    final HttpClient client = HttpClient.newHttpClient();

    double webhookCount() {
        return meters.find("pilimarket.webhooks").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Stripe-Signature", "t=1,v1=00")
                        .header("Paymongo-Signature", "t=1,te=00")
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_webhook_body_over_256_kib_is_refused_with_413_before_it_is_verified() throws Exception {
        byte[] huge =
                ("{\"id\":\"evt_1\",\"pad\":\"" + "a".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        double before = webhookCount();

        for (String path : new String[] {"/webhooks/stripe", "/webhooks/paymongo"}) {
            HttpResponse<String> declared = post(path, HttpRequest.BodyPublishers.ofByteArray(huge));
            HttpResponse<String> streamed =
                    post(path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)));
            for (HttpResponse<String> response : java.util.List.of(declared, streamed)) {
                assertThat(response.statusCode()).as(path).isEqualTo(413);
                JsonNode body = JsonMapper.builder().build().readTree(response.body());
                assertThat(body.at("/errors/0/code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
            }
        }

        // Nothing was verified or counted as a delivery: the bodies were refused unread.
        assertThat(webhookCount()).isEqualTo(before);
    }

    @Test
    void a_webhook_body_under_the_cap_is_still_verified() throws Exception {
        byte[] small =
                ("{\"id\":\"evt_1\",\"pad\":\"" + "a".repeat(100 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post("/webhooks/stripe", HttpRequest.BodyPublishers.ofByteArray(small));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("INVALID_SIGNATURE");
    }
}
