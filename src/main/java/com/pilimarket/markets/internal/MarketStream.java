package com.pilimarket.markets.internal;

import com.pilimarket.shared.platform.PlatformMode;
import com.pilimarket.shared.web.EventStreams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.PatternTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent {@code market} events with fresh totals and probabilities, and the events other modules
 * add to a market's stream (such as {@code comment}). Updates are sent after the changing transaction
 * commits. Without Redis they go straight to this instance's subscribers; with Redis they are
 * published on {@code <prefix>market:<id>} ({@code market} events) or {@code <prefix>market:<id>:<event>}
 * and every instance (this one included) delivers what it receives to its own subscribers.
 */
@Component
class MarketStream {

    static final String EVENT = "market";
    private static final long TIMEOUT_MS = 30 * 60 * 1000L;
    private static final Logger log = LoggerFactory.getLogger(MarketStream.class);
    private static final Object PENDING_KEY = MarketStream.class.getName() + ".pending";

    private final Map<UUID, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private final PlatformMode platform;
    private final EventStreams streams;
    private final StringRedisTemplate redis;
    private final String channelPrefix;

    MarketStream(
            PlatformMode platform,
            EventStreams streams,
            ObjectProvider<StringRedisTemplate> redis,
            ObjectProvider<RedisMessageListenerContainer> container) {
        this.platform = platform;
        this.streams = streams;
        this.redis = platform.redis() ? redis.getIfAvailable() : null;
        this.channelPrefix = platform.keyPrefix() + "market:";
        RedisMessageListenerContainer listeners = platform.redis() ? container.getIfAvailable() : null;
        if (listeners != null) {
            listeners.addMessageListener(
                    (message, pattern) -> {
                        String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
                        String rest = channel.substring(channelPrefix.length());
                        int colon = rest.indexOf(':');
                        deliverLocally(
                                UUID.fromString(colon < 0 ? rest : rest.substring(0, colon)),
                                colon < 0 ? EVENT : rest.substring(colon + 1),
                                new String(message.getBody(), StandardCharsets.UTF_8));
                    },
                    new PatternTopic(channelPrefix + "*"));
        }
    }

    /**
     * Opens a stream for one market; the first event carries the current state. The stream is public,
     * so it counts against the caller's address (429 beyond {@code pilimarket.streams.max-per-client}).
     */
    SseEmitter subscribe(UUID marketId, String clientAddress, String currentStateJson) {
        SseEmitter emitter = streams.openCapped(TIMEOUT_MS, clientAddress);
        Set<SseEmitter> set = subscribers.computeIfAbsent(marketId, k -> new CopyOnWriteArraySet<>());
        set.add(emitter);
        Runnable remove = () -> set.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        send(marketId, emitter, EVENT, currentStateJson);
        return emitter;
    }

    /**
     * Broadcasts the market's state once the current transaction commits (at once if there is none).
     * {@code state} is evaluated after the commit, so it reads what was committed.
     */
    void publishAfterCommit(UUID marketId, Supplier<String> state) {
        Runnable publish = () -> {
            try {
                publish(marketId, state);
            } catch (RuntimeException e) {
                // A lost update costs a client one refresh; the commit itself has happened.
                log.warn("Could not broadcast market {}: {}", marketId, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // One broadcast per market per transaction: a group-committed batch of placements sends
            // the final state once (the state is read after commit anyway).
            @SuppressWarnings("unchecked")
            Set<UUID> pending = (Set<UUID>) TransactionSynchronizationManager.getResource(PENDING_KEY);
            if (pending == null) {
                Set<UUID> fresh = new HashSet<>();
                pending = fresh;
                TransactionSynchronizationManager.bindResource(PENDING_KEY, fresh);
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_KEY);
                    }
                });
            }
            if (!pending.add(marketId)) {
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }

    /**
     * Sends one {@code event} (not {@code market}) with {@code data} to the market's subscribers once
     * the current transaction commits (at once if there is none). Each call is its own event.
     */
    void publishEventAfterCommit(UUID marketId, String event, Supplier<String> data) {
        Runnable publish = () -> {
            try {
                publish(marketId, event, data);
            } catch (RuntimeException e) {
                log.warn("Could not send {} on market {}: {}", event, marketId, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }

    private void publish(UUID marketId, Supplier<String> state) {
        publish(marketId, EVENT, state);
    }

    private void publish(UUID marketId, String event, Supplier<String> data) {
        if (redis != null) {
            String channel = channelPrefix + marketId + (EVENT.equals(event) ? "" : ":" + event);
            redis.convertAndSend(channel, data.get());
        } else if (!subscribers.getOrDefault(marketId, Set.of()).isEmpty()) {
            deliverLocally(marketId, event, data.get());
        }
    }

    private void deliverLocally(UUID marketId, String event, String json) {
        for (SseEmitter emitter : subscribers.getOrDefault(marketId, Set.of())) {
            send(marketId, emitter, event, json);
        }
    }

    private void send(UUID marketId, SseEmitter emitter, String event, String json) {
        try {
            emitter.send(SseEmitter.event().name(event).data(json));
        } catch (IOException | IllegalStateException e) {
            subscribers.getOrDefault(marketId, Set.of()).remove(emitter);
        }
    }

    /**
     * Keeps idle connections (and proxies) alive and drops dead ones: a client that went away is only
     * noticed when a write to it fails, so this is also how soon its slot under the per-client cap frees.
     */
    @Scheduled(fixedDelayString = "${pilimarket.streams.heartbeat-ms:20000}")
    void heartbeat() {
        subscribers.forEach((marketId, emitters) -> {
            for (SseEmitter emitter : List.copyOf(emitters)) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    emitters.remove(emitter);
                }
            }
        });
    }

    int subscriberCount(UUID marketId) {
        return subscribers.getOrDefault(marketId, Set.of()).size();
    }

    boolean usesRedis() {
        return platform.redis();
    }
}
