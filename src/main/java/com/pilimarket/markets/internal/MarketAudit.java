package com.pilimarket.markets.internal;

import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The single call site through which every admin action on a market (create, edit, suspend, resume,
 * close, resolve, cancel, and the scheduled close with a null actor) reaches the audit log. It runs
 * inside the action's transaction.
 *
 * <p>AUDIT WIRING: once the audit module is merged, inject {@code AuditLog} here, replace the log
 * line with {@code auditLog.record(actorId, action, "market", marketId.toString(), details)} and add
 * {@code "audit"} to the markets module's {@code allowedDependencies}.
 */
@Component
class MarketAudit {

    private static final Logger log = LoggerFactory.getLogger(MarketAudit.class);

    void record(UUID actorId, String action, UUID marketId, Map<String, Object> details) {
        log.info("audit actor={} action={} market={} details={}", actorId, action, marketId, details);
    }
}
