package com.pilimarket.markets.internal;

import com.pilimarket.audit.AuditLog;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The single call site through which every admin action on a market (create, edit, suspend, resume,
 * close, resolve, cancel, and the scheduled close with a null actor) reaches the audit log. It runs
 * inside the action's transaction, so an action and its audit row commit together or not at all.
 */
@Component
class MarketAudit {

    private final AuditLog auditLog;

    MarketAudit(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void record(UUID actorId, String action, UUID marketId, Map<String, Object> details) {
        auditLog.record(actorId, action, "market", marketId.toString(), details);
    }
}
