package com.pilimarket.markets;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.WithRedis;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import tools.jackson.databind.ObjectMapper;

/** With Redis, market updates travel through pub/sub, so every instance's subscribers see them. */
@IntegrationTest
@WithRedis
class MarketStreamRedisIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    TestMarkets markets;

    @Autowired
    Forecasts forecasts;

    @Autowired
    RedisMessageListenerContainer container;

    @Autowired
    com.pilimarket.shared.platform.PlatformMode platform;

    @Test
    void a_forecast_is_published_on_the_markets_channel_and_reaches_sse_subscribers() throws Exception {
        MarketDetail market = markets.open("Redis stream", "Yes", "No");
        List<String> onChannel = new ArrayList<>();
        container.addMessageListener(
                (message, pattern) -> {
                    synchronized (onChannel) {
                        onChannel.add(new String(message.getBody(), StandardCharsets.UTF_8));
                    }
                },
                new ChannelTopic(platform.keyPrefix() + "market:" + market.id()));
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create(http.baseUrl() + "/api/v1/markets/" + market.id() + "/stream"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        List<String> events = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while (events.size() < 2 && (line = reader.readLine()) != null) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring(5));
                    }
                }
            } catch (Exception ignored) {
                // closed at the end
            }
        });
        Thread.sleep(500);

        forecasts.place(users.create(1_000).id(), new PlaceForecast(market.id(), outcome(market, 0), 100));

        reading.get(10, TimeUnit.SECONDS);
        response.body().close();
        assertThat(new ObjectMapper()
                        .readTree(events.get(1))
                        .get("total_points")
                        .asLong())
                .isEqualTo(100);
        synchronized (onChannel) {
            assertThat(onChannel).hasSize(1);
        }
    }
}
