package com.pilimarket.shared.web;

import com.pilimarket.shared.RateLimitedException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every server-sent-event stream this instance holds open. Public streams are capped per client
 * address ({@code pilimarket.streams.max-per-client}): each one holds a connection and a Tomcat
 * async slot for up to 30 minutes, so one address must not be able to open thousands. When shutdown
 * starts, every stream is completed at once: an open stream is a request that never ends, and graceful
 * shutdown would otherwise wait its whole grace period for it. Clients reconnect (to another
 * instance behind a balancer) as browsers do for any closed EventSource.
 */
@Component
public class EventStreams {

    private static final Logger log = LoggerFactory.getLogger(EventStreams.class);
    /** What a refused client is told to wait: streams are long-lived, so one closes rarely sooner. */
    private static final long RETRY_AFTER_SECONDS = 30;

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<SseEmitter>> byClient = new ConcurrentHashMap<>();
    private final int maxPerClient;
    private volatile boolean closing;

    EventStreams(@Value("${pilimarket.streams.max-per-client:20}") int maxPerClient, MeterRegistry meters) {
        if (maxPerClient < 1) {
            throw new IllegalStateException("pilimarket.streams.max-per-client must be at least 1");
        }
        this.maxPerClient = maxPerClient;
        Gauge.builder("pilimarket.streams.open", open, Set::size)
                .description("Server-sent-event streams open on this instance")
                .register(meters);
    }

    /** A stream with no per-client cap (for example one bound to an authenticated user). */
    public SseEmitter open(long timeoutMs) {
        SseEmitter emitter = new SseEmitter(timeoutMs);
        track(emitter, null);
        return emitter;
    }

    /**
     * A stream counted against {@code clientAddress}; beyond the cap a 429 {@code RATE_LIMITED}
     * (+ {@code Retry-After}), before anything is subscribed.
     */
    public SseEmitter openCapped(long timeoutMs, String clientAddress) {
        SseEmitter emitter = new SseEmitter(timeoutMs);
        // compute() is atomic per key: the count and the add cannot interleave with another open or close.
        byClient.compute(clientAddress, (k, ofClient) -> {
            Set<SseEmitter> set = ofClient == null ? ConcurrentHashMap.newKeySet() : ofClient;
            if (set.size() >= maxPerClient) {
                throw new RateLimitedException(RETRY_AFTER_SECONDS);
            }
            set.add(emitter);
            return set;
        });
        track(emitter, clientAddress);
        return emitter;
    }

    private void track(SseEmitter emitter, String clientAddress) {
        open.add(emitter);
        Runnable forget = () -> {
            open.remove(emitter);
            if (clientAddress != null) {
                byClient.computeIfPresent(clientAddress, (k, set) -> {
                    set.remove(emitter);
                    return set.isEmpty() ? null : set;
                });
            }
        };
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(e -> forget.run());
        if (closing) {
            // Shutdown has begun: answer with an empty stream, the client retries elsewhere.
            emitter.complete();
        }
    }

    /** Streams open on this instance now. */
    public int openCount() {
        return open.size();
    }

    /** Published before any bean or the web server stops: graceful shutdown then has no endless request left. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        closing = true;
        List<SseEmitter> all = List.copyOf(open);
        for (SseEmitter emitter : all) {
            try {
                emitter.complete();
            } catch (RuntimeException e) {
                // Already broken: nothing to close.
            }
        }
        if (!all.isEmpty()) {
            log.info("Shutdown: closed {} event streams; their clients reconnect", all.size());
        }
    }
}
