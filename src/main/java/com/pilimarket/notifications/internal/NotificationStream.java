package com.pilimarket.notifications.internal;

import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.shared.web.EventStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisStringCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A user's live notifications: SSE events {@code notification} (the new notification) and
 * {@code unread_count} ({@code {"count": n}}). Without Redis they go to this instance's subscribers;
 * with Redis they are published on {@code <prefix>user:<id>} (body "event\njson") and every instance
 * delivers what it receives to its own subscribers, so a user connected anywhere gets them.
 */
@Component
class NotificationStream {

    static final String NOTIFICATION = "notification";
    static final String UNREAD_COUNT = "unread_count";
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;
    /** How long a user counts as connected after their instance last said so (3 heartbeats). */
    private static final Duration PRESENCE = Duration.ofSeconds(60);

    private static final int PRESENCE_CHUNK = 5_000;
    private static final Logger log = LoggerFactory.getLogger(NotificationStream.class);

    private final Map<UUID, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final EventStreams streams;
    private final StringRedisTemplate redis;
    private final String channelPrefix;
    private final String presencePrefix;

    NotificationStream(
            PlatformMode platform,
            EventStreams streams,
            ObjectProvider<StringRedisTemplate> redis,
            ObjectProvider<RedisMessageListenerContainer> container) {
        this.streams = streams;
        this.redis = platform.redis() ? redis.getIfAvailable() : null;
        this.channelPrefix = platform.keyPrefix() + "user:";
        this.presencePrefix = platform.keyPrefix() + "online:";
        RedisMessageListenerContainer listeners = platform.redis() ? container.getIfAvailable() : null;
        if (listeners != null) {
            listeners.addMessageListener(
                    (message, pattern) -> {
                        String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
                        String body = new String(message.getBody(), StandardCharsets.UTF_8);
                        int newline = body.indexOf('\n');
                        if (newline > 0) {
                            deliverLocally(
                                    UUID.fromString(channel.substring(channelPrefix.length())),
                                    body.substring(0, newline),
                                    body.substring(newline + 1));
                        }
                    },
                    new PatternTopic(channelPrefix + "*"));
        }
    }

    SseEmitter subscribe(UUID userId, String unreadCountJson) {
        // A user's own stream, behind authentication: not capped per address, but closed at shutdown.
        SseEmitter emitter = streams.open(TIMEOUT_MS);
        Set<SseEmitter> set = subscribers.computeIfAbsent(userId, k -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        markPresent(List.of(userId));
        send(userId, emitter, UNREAD_COUNT, unreadCountJson);
        return emitter;
    }

    /**
     * Of these users, those an event can reach: connected here, or (with Redis) marked present by
     * any instance within {@link #PRESENCE} (each instance marks its connected users at subscribe and
     * every heartbeat). The others would receive nothing, so a settlement does not render, serialise
     * and publish 100,000 events for users who are not connected. If Redis cannot say, everyone.
     */
    Set<UUID> reachable(Collection<UUID> userIds) {
        Set<UUID> reachable = new HashSet<>();
        for (UUID userId : userIds) {
            if (!subscribers.getOrDefault(userId, Set.of()).isEmpty()) {
                reachable.add(userId);
            }
        }
        if (redis == null) {
            return reachable;
        }
        List<UUID> others = userIds.stream()
                .distinct()
                .filter(id -> !reachable.contains(id))
                .toList();
        try {
            for (int from = 0; from < others.size(); from += PRESENCE_CHUNK) {
                List<UUID> chunk = others.subList(from, Math.min(others.size(), from + PRESENCE_CHUNK));
                List<String> present = redis.opsForValue()
                        .multiGet(chunk.stream().map(id -> presencePrefix + id).toList());
                for (int i = 0; i < chunk.size(); i++) {
                    if (present == null || present.get(i) != null) {
                        reachable.add(chunk.get(i));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not read who is connected, pushing to all {}: {}", userIds.size(), e.getMessage());
            reachable.addAll(userIds);
        }
        return reachable;
    }

    /** Marks the users connected (with Redis: for {@link #PRESENCE}, one pipelined round trip). */
    private void markPresent(Collection<UUID> userIds) {
        if (redis == null || userIds.isEmpty()) {
            return;
        }
        try {
            byte[] one = "1".getBytes(StandardCharsets.UTF_8);
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (UUID userId : userIds) {
                    connection
                            .stringCommands()
                            .set(
                                    (presencePrefix + userId).getBytes(StandardCharsets.UTF_8),
                                    one,
                                    Expiration.from(PRESENCE),
                                    RedisStringCommands.SetOption.upsert());
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Could not mark {} users connected: {}", userIds.size(), e.getMessage());
        }
    }

    /** Sends an event to the user wherever they are connected; losing one costs the client a poll. */
    void publish(UUID userId, String event, String json) {
        try {
            if (redis != null) {
                redis.convertAndSend(channelPrefix + userId, message(event, json));
            } else {
                deliverLocally(userId, event, json);
            }
        } catch (RuntimeException e) {
            log.warn("Could not push {} to user {}: {}", event, userId, e.getMessage());
        }
    }

    /** An event on a user's Redis channel: its name, a newline, its JSON (the subscriber splits at the newline). */
    private static String message(String event, String json) {
        return event + "\n" + json;
    }

    /** One event for one user, for {@link #publishAll}. */
    record Event(UUID userId, String event, String json) {}

    /**
     * Sends many events, with Redis in one pipelined round trip instead of one per event (a
     * settlement notifies 100,000 users); losing them costs the clients a poll.
     */
    void publishAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            if (redis != null) {
                redis.executePipelined((RedisCallback<Object>) connection -> {
                    for (Event e : events) {
                        connection.publish(
                                (channelPrefix + e.userId()).getBytes(StandardCharsets.UTF_8),
                                message(e.event(), e.json()).getBytes(StandardCharsets.UTF_8));
                    }
                    return null;
                });
            } else {
                events.forEach(e -> deliverLocally(e.userId(), e.event(), e.json()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not push {} events: {}", events.size(), e.getMessage());
        }
    }

    private void deliverLocally(UUID userId, String event, String json) {
        for (SseEmitter emitter : subscribers.getOrDefault(userId, Set.of())) {
            send(userId, emitter, event, json);
        }
    }

    private void send(UUID userId, SseEmitter emitter, String event, String json) {
        try {
            emitter.send(SseEmitter.event().name(event).data(json));
        } catch (IOException | IllegalStateException e) {
            subscribers.getOrDefault(userId, Set.of()).remove(emitter);
        }
    }

    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        markPresent(subscribers.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList());
        subscribers.forEach((userId, emitters) -> {
            for (SseEmitter emitter : List.copyOf(emitters)) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    emitters.remove(emitter);
                }
            }
        });
    }
}
