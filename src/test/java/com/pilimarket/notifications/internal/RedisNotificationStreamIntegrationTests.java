package com.pilimarket.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.reputation.BadgeEarned;
import com.pilimarket.reputation.BadgesEarned;
import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.SseClient;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import com.pilimarket.support.WithRedis;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** With Redis, a user's notifications travel over {@code <prefix>user:<id>} to whichever instance holds the stream. */
@IntegrationTest
@WithRedis
class RedisNotificationStreamIntegrationTests {

    @Autowired
    TestUsers users;

    @Autowired
    TestHttp http;

    @Autowired
    TestEvents events;

    @Autowired
    RedisMessageListenerContainer container;

    @Autowired
    PlatformMode platform;

    @Autowired
    NotificationStream stream;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void notifications_are_fanned_out_through_redis_pub_sub_to_the_stream() throws Exception {
        TestUser user = users.create(0);
        List<String> published = new CopyOnWriteArrayList<>();
        container.addMessageListener(
                (message, pattern) -> published.add(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(platform.keyPrefix() + "user:" + user.id()));
        try (SseClient stream = SseClient.open(http.baseUrl() + "/api/v1/notifications/stream", user.token())) {
            stream.awaitLine("event:unread_count");
            events.publishAndWait(new BadgesEarned(List.of(new BadgeEarned(user.id(), "early_bird", Instant.now()))));
            stream.awaitLine("event:notification");
            stream.awaitLine("data:{\"count\":1}");
        }
        assertThat(published).anyMatch(m -> m.startsWith("notification\n") && m.contains("early_bird"));
    }

    @Test
    void events_go_only_to_users_some_instance_has_marked_connected() throws Exception {
        UUID elsewhere = UUID.randomUUID();
        UUID offline = UUID.randomUUID();
        // What another instance's subscribe or heartbeat writes for a user connected there.
        redis.opsForValue().set(platform.keyPrefix() + "online:" + elsewhere, "1");
        TestUser here = users.create(0);
        try (SseClient client = SseClient.open(http.baseUrl() + "/api/v1/notifications/stream", here.token())) {
            client.awaitLine("event:unread_count");

            assertThat(stream.reachable(List.of(elsewhere, offline, here.id())))
                    .isEqualTo(Set.of(elsewhere, here.id()));
            assertThat(redis.hasKey(platform.keyPrefix() + "online:" + here.id()))
                    .as("subscribing marks the user connected for the other instances")
                    .isTrue();
        } finally {
            redis.delete(platform.keyPrefix() + "online:" + elsewhere);
        }
    }
}
