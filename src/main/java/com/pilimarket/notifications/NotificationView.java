package com.pilimarket.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One notification as its owner sees it; {@code link} is the app path it points to (may be null). */
public record NotificationView(
        UUID id,
        @Schema(implementation = NotificationType.class) String type,
        String message,
        Map<String, Object> metadata,
        @Nullable UUID marketId,
        @Nullable String link,
        boolean isRead,
        OffsetDateTime createdAt) {}
