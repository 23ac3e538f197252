package com.pilimarket.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of the audit log as admins see it. */
public record AuditEntry(
        long id,
        @Nullable UUID actorId,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        Map<String, Object> details,
        @Nullable String ip,
        @Nullable String requestId,
        OffsetDateTime createdAt,
        String prevHash,
        String hash) {}
