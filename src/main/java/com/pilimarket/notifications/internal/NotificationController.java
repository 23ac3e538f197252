package com.pilimarket.notifications.internal;

import com.pilimarket.notifications.NotificationView;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's notifications; another user's notification is a 404, never a 403. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications")
class NotificationController {

    private final Notifier notifier;
    private final NotificationStream stream;

    NotificationController(Notifier notifier, NotificationStream stream) {
        this.notifier = notifier;
        this.stream = stream;
    }

    /** How many of the caller's notifications are unread (after the change, for the mark-read calls). */
    record UnreadCount(long count) {}

    @SignedIn
    @GetMapping
    @Operation(summary = "The caller's notifications, newest first (unread=true for unread only)")
    ApiResponse<List<NotificationView>> list(
            @RequestParam(required = false) Boolean unread,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        UUID caller = Callers.requireUserId();
        return ApiResponse.page(notifier.list(caller, Boolean.TRUE.equals(unread), PageQuery.of(page, limit)));
    }

    @SignedIn
    @GetMapping("/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    ApiResponse<UnreadCount> unreadCount() {
        return ApiResponse.ok(new UnreadCount(notifier.unreadCount(Callers.requireUserId())));
    }

    @SignedIn
    @PostMapping("/{id}/read")
    @Operation(summary = "Marks one of the caller's notifications read")
    ApiResponse<UnreadCount> read(@PathVariable UUID id) {
        UUID caller = Callers.requireUserId();
        // Marking an already read notification again is fine; not the caller's (or unknown) is a 404.
        if (!notifier.markRead(caller, id)) {
            throw ApiException.notFound("Notification");
        }
        return ApiResponse.ok(new UnreadCount(notifier.unreadCount(caller)));
    }

    @SignedIn
    @PostMapping("/read-all")
    @Operation(summary = "Marks all of the caller's notifications read")
    ApiResponse<UnreadCount> readAll() {
        UUID caller = Callers.requireUserId();
        notifier.markAllRead(caller);
        return ApiResponse.ok(new UnreadCount(0));
    }

    @SignedIn
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events for the caller: notification and unread_count")
    SseEmitter stream() {
        UUID caller = Callers.requireUserId();
        return stream.subscribe(caller, notifier.unreadCountJson(caller));
    }
}
