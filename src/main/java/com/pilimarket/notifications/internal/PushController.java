package com.pilimarket.notifications.internal;

import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Web Push: the server's VAPID public key, and the caller's subscribed devices (docs/ENGAGEMENT.md). */
@RestController
@Tag(name = "Notifications")
class PushController {

    static final String UNAVAILABLE = "PUSH_UNAVAILABLE";

    private final PushKeys keys;
    private final PushTargets targets;
    private final PushRecords records;

    PushController(PushKeys keys, PushTargets targets, PushRecords records) {
        this.keys = keys;
        this.targets = targets;
        this.records = records;
    }

    /** The application server key to pass to {@code PushManager.subscribe} (base64url, 65 bytes). */
    record PushVapidKey(String publicKey) {}

    /** A browser's push subscription, as {@code PushSubscription.toJSON()} gives it. */
    record PushSubscriptionRequest(
            @Nullable String endpoint, @Nullable PushSubscriptionKeys keys) {

        /** The browser's P-256 public key and auth secret, base64url. */
        record PushSubscriptionKeys(
                @Nullable String p256dh, @Nullable String auth) {}
    }

    /** The caller's devices that receive pushes now. */
    record PushSubscribed(boolean subscribed, int devices) {}

    /** Whether a subscription of the caller was removed. */
    record PushUnsubscribed(boolean removed) {}

    @ErrorAnswer(status = 404, value = "PUSH_UNAVAILABLE: push is not configured on this server")
    @GetMapping("/api/v1/push/vapid-public-key")
    @Operation(summary = "The server's VAPID public key for subscribing a browser to Web Push")
    ApiResponse<PushVapidKey> vapidPublicKey() {
        return ApiResponse.ok(new PushVapidKey(keys.publicKey().orElseThrow(PushController::unavailable)));
    }

    @SignedIn
    @ErrorAnswer(status = 404, value = "PUSH_UNAVAILABLE: push is not configured on this server")
    @PostMapping("/api/v1/push/subscriptions")
    @Operation(
            summary = "Subscribes this browser to the caller's push notifications (market results, closing"
                    + " reminders); a user has at most a few devices, the least recently subscribed is dropped")
    ApiResponse<PushSubscribed> subscribe(@RequestBody @Nullable PushSubscriptionRequest request) {
        UUID caller = Callers.requireUserId();
        if (!keys.enabled()) {
            throw unavailable();
        }
        if (request == null) {
            throw ApiException.badRequest("endpoint", "is required");
        }
        PushSubscriptionRequest.PushSubscriptionKeys k = request.keys();
        if (k == null) {
            targets.endpoint(request.endpoint());
            throw ApiException.badRequest("keys", "is required");
        }
        PushRecords.Subscription subscription = targets.validate(request.endpoint(), k.p256dh(), k.auth());
        int devices = records.subscribe(caller, subscription, targets.maxPerUser());
        return ApiResponse.ok(new PushSubscribed(true, devices));
    }

    @SignedIn
    @DeleteMapping("/api/v1/push/subscriptions")
    @Operation(summary = "Unsubscribes the caller's browser with this push endpoint (nothing more is pushed to it)")
    ApiResponse<PushUnsubscribed> unsubscribe(@RequestParam(required = false) @Nullable String endpoint) {
        UUID caller = Callers.requireUserId();
        if (endpoint == null || endpoint.isBlank()) {
            throw ApiException.badRequest("endpoint", "is required");
        }
        return ApiResponse.ok(new PushUnsubscribed(records.unsubscribe(caller, endpoint.strip())));
    }

    private static ApiException unavailable() {
        return new ApiException(
                HttpStatus.NOT_FOUND, UNAVAILABLE, "Push notifications are not configured on this server");
    }
}
