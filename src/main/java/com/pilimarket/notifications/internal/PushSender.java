package com.pilimarket.notifications.internal;

import com.interaso.webpush.WebPush;
import com.pilimarket.shared.platform.DeliveryQueue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the push queue with the shared {@link DeliveryQueue} loop (the mail outbox's): each push is
 * encrypted for its subscription (RFC 8291, aes128gcm) and posted to the push service with a VAPID
 * Authorization header (RFC 8292) by the {@code com.interaso:webpush} library. 2xx: sent. 404/410:
 * the subscription is gone, so it is dropped with its queued pushes. 429, 5xx, or no answer: retried
 * 30 s, 1 min, 2 min … later, up to {@code maxAttempts}. Another 4xx will not change by retrying: failed.
 * An endpoint whose host now is or resolves to a private address is not posted to at all: failed
 * ({@link PushTargets#refusal}).
 */
@Component
class PushSender {

    private static final Logger log = LoggerFactory.getLogger(PushSender.class);
    private static final int BATCH = 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final PushRecords records;
    private final PushKeys keys;
    private final PushProperties properties;
    private final PushTargets targets;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final HttpClient http = PushConfiguration.httpClient();

    PushSender(
            PushRecords records,
            PushKeys keys,
            PushProperties properties,
            PushTargets targets,
            TransactionTemplate transactions,
            Clock clock) {
        this.records = records;
        this.keys = keys;
        this.properties = properties;
        this.targets = targets;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${pilimarket.push.poll-interval:PT2S}",
            initialDelayString = "${pilimarket.push.poll-interval:PT2S}")
    @SchedulerLock(name = "push-outbox", lockAtMostFor = "PT5M")
    void run() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.error("Sending the push queue failed: {}", e.toString(), e);
        }
    }

    @Scheduled(cron = "0 47 4 * * *")
    @SchedulerLock(name = "push-outbox-cleanup", lockAtMostFor = "PT10M")
    void deleteOld() {
        int deleted = records.deleteDoneBefore(now().minusDays(7));
        if (deleted > 0) {
            log.info("Deleted {} sent or failed pushes older than 7 days", deleted);
        }
    }

    /** Sends every due push; returns how many the push services accepted. */
    int sendDue() {
        WebPush webPush = keys.webPush().orElse(null);
        if (webPush == null) {
            return 0;
        }
        int sent = DeliveryQueue.drain(transactions, BATCH, records, this::now, push -> send(webPush, push));
        if (sent > 0) {
            log.info("Sent {} push notifications", sent);
        }
        return sent;
    }

    private boolean send(WebPush webPush, PushRecords.Pending push) {
        // Checked again before every post: a name accepted when the user subscribed may resolve to a
        // private address now. Retrying would not help, so it fails at once (the subscription stays:
        // the name may point back at the push service later, and the next push checks again).
        Optional<String> refused = targets.refusal(push.endpoint());
        if (refused.isPresent()) {
            String error = "refused: " + refused.get();
            DeliveryQueue.recordFailure(records, push, error, false, properties.maxAttempts(), now());
            log.warn("Push {} not sent: {}", push.id(), error);
            return false;
        }
        int status;
        String error;
        try {
            byte[] body = webPush.getBody(
                    push.payload().getBytes(StandardCharsets.UTF_8),
                    PushKeys.decodeBase64Url(push.p256dh()),
                    PushKeys.decodeBase64Url(push.auth()));
            Map<String, String> headers = webPush.getHeaders(
                    push.endpoint(), (int) properties.ttl().toSeconds(), null, WebPush.Urgency.Normal);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(push.endpoint()))
                    .timeout(TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            error = "HTTP " + status + " " + abbreviate(response.body());
        } catch (IOException | RuntimeException e) {
            status = -1;
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
            error = e.toString();
        }
        if (status >= 200 && status < 300) {
            records.markSent(push.id(), now());
            return true;
        }
        if (status == 404 || status == 410) {
            log.info("Push subscription {} expired ({}): dropped", push.subscriptionId(), status);
            records.drop(push.subscriptionId());
            return false;
        }
        boolean retryable = status < 0 || status == 429 || status >= 500;
        DeliveryQueue.Failure failure =
                DeliveryQueue.recordFailure(records, push, error, retryable, properties.maxAttempts(), now());
        if (failure.gaveUp()) {
            log.error("Gave up on push {} after {} attempts: {}", push.id(), failure.attempt(), error);
        } else {
            log.warn("Sending push {} failed (attempt {}): {}", push.id(), failure.attempt(), error);
        }
        return false;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) : oneLine;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
