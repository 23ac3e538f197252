package com.pilimarket.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One row of the audit log as admins see it. */
public record AuditEntry(
        long id,
        UUID actorId,
        String action,
        String targetType,
        String targetId,
        Map<String, Object> details,
        String ip,
        String requestId,
        OffsetDateTime createdAt,
        String prevHash,
        String hash) {}
