package com.pilimarket.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One notification as its owner sees it. {@code title} and {@code message} are rendered in the
 * reader's language from {@code type} and the parameters in {@code metadata} when it is read (a
 * cancelled market's is titled "Market cancelled", not "Market resolved"); {@code link} is the app
 * path it points to (may be null).
 */
public record NotificationView(
        UUID id,
        @Schema(implementation = NotificationType.class) String type,
        String title,
        String message,
        Map<String, Object> metadata,
        @Nullable UUID marketId,
        @Nullable String link,
        boolean isRead,
        OffsetDateTime createdAt) {

    public NotificationView withText(String title, String message) {
        return new NotificationView(id, type, title, message, metadata, marketId, link, isRead, createdAt);
    }
}
