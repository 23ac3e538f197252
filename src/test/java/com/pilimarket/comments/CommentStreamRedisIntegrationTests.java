package com.pilimarket.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.SseClient;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import com.pilimarket.support.WithRedis;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** With Redis, a new comment travels through pub/sub, so the market's subscribers on every instance get it. */
@IntegrationTest
@WithRedis
class CommentStreamRedisIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    TestMarkets markets;

    @Autowired
    RedisMessageListenerContainer container;

    @Autowired
    PlatformMode platform;

    @Test
    void a_new_comment_is_published_on_the_markets_comment_channel_and_reaches_sse_subscribers() throws Exception {
        MarketDetail market = markets.open("Redis comments", "Yes", "No");
        List<String> onChannel = new CopyOnWriteArrayList<>();
        container.addMessageListener(
                (message, pattern) -> onChannel.add(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(platform.keyPrefix() + "market:" + market.id() + ":comment"));
        TestUser ana = users.create(0);
        try (SseClient stream = SseClient.open(http.baseUrl() + "/api/v1/markets/" + market.id() + "/stream")) {
            stream.awaitLine("event:market");
            String id = http.post("/api/v1/markets/" + market.id() + "/comments", Map.of("body", "Through Redis"))
                    .bearer(ana.token())
                    .send()
                    .data()
                    .get("id")
                    .asString();
            stream.awaitLine("event:comment");
            assertThat(stream.awaitLineMatching(l -> l.startsWith("data:") && l.contains(id)))
                    .contains("Through Redis");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> onChannel.stream().anyMatch(m -> m.contains(id)));
        }
    }
}
