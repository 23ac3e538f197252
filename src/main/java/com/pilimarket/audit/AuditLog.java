package com.pilimarket.audit;

import com.pilimarket.audit.internal.AuditRecords;
import com.pilimarket.audit.internal.AuditRecords.StoredRow;
import com.pilimarket.audit.internal.ChainHashing;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only, hash-chained audit log. {@link #record} joins the caller's transaction, so an
 * action and its audit row commit or roll back together; appends are serialised by a transaction
 * advisory lock so the chain never forks.
 */
@Service
public class AuditLog {

    private final AuditRecords records;
    private final ChainHashing hashing;
    private final Clock clock;

    AuditLog(AuditRecords records, ChainHashing hashing, Clock clock) {
        this.records = records;
        this.hashing = hashing;
        this.clock = clock;
    }

    /**
     * Appends one entry. IP and request id come from the current HTTP request (null outside one).
     *
     * @param actorId who acted (null for the system)
     * @param action a stable dotted verb such as {@code user.status_changed}
     */
    @Transactional
    public AuditEntry record(UUID actorId, String action, String targetType, String targetId, Map<String, ?> details) {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an action");
        }
        records.lockChain();
        String prevHash = records.lastHash().orElse(ChainHashing.GENESIS);
        // PostgreSQL keeps microseconds; the hash must cover exactly what is stored.
        OffsetDateTime now =
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        String canonicalDetails = hashing.canonicalJson(records.normalizeJson(hashing.toJson(details)));
        StoredRow row = new StoredRow(
                0,
                actorId,
                action,
                targetType,
                targetId,
                canonicalDetails,
                clientIp(),
                RequestIdFilter.current(),
                now,
                prevHash,
                null);
        String hash = hashing.hash(row);
        long id = records.insert(row, hash);
        return records.find(id).map(this::view).orElseThrow();
    }

    /** Newest first; optional filters by actor, action and target id. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> list(PageQuery page, UUID actorId, String action, String targetId) {
        return records.page(page, actorId, action, targetId).map(this::view);
    }

    /** Walks the whole chain from the first row and reports the first row that does not verify. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        String expectedPrev = ChainHashing.GENESIS;
        long checked = 0;
        long afterId = 0;
        while (true) {
            List<StoredRow> batch = records.batchAfter(afterId, 500);
            if (batch.isEmpty()) {
                return AuditVerification.ok(checked);
            }
            for (StoredRow row : batch) {
                checked++;
                if (!row.prevHash().equals(expectedPrev)) {
                    return AuditVerification.broken(
                            checked,
                            row.id(),
                            "prev_hash does not match the previous row (a row was removed or inserted)");
                }
                StoredRow canonical = row.withDetails(hashing.canonicalJson(row.details()));
                if (!hashing.hash(canonical).equals(row.hash())) {
                    return AuditVerification.broken(
                            checked, row.id(), "hash does not match the row's content (the row was edited)");
                }
                expectedPrev = row.hash();
                afterId = row.id();
            }
        }
    }

    private AuditEntry view(StoredRow row) {
        return new AuditEntry(
                row.id(),
                row.actorId(),
                row.action(),
                row.targetType(),
                row.targetId(),
                hashing.toMap(row.details()),
                row.ip(),
                row.requestId(),
                row.createdAt(),
                row.prevHash(),
                row.hash());
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
