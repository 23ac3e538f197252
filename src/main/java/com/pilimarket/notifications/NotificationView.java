package com.pilimarket.notifications;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One notification as its owner sees it; {@code link} is the app path it points to (may be null). */
public record NotificationView(
        UUID id,
        String type,
        String message,
        Map<String, Object> metadata,
        UUID marketId,
        String link,
        boolean isRead,
        OffsetDateTime createdAt) {}
