package com.pilimarket.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the audit chain: intact, or the first row whose hash or link to its
 * predecessor does not match (an edited, inserted or removed row).
 */
public record AuditVerification(
        boolean intact,
        long rowsChecked,
        @Nullable Long firstBrokenId,
        @Nullable String problem) {

    public static AuditVerification ok(long rows) {
        return new AuditVerification(true, rows, null, null);
    }

    public static AuditVerification broken(long rows, long id, String problem) {
        return new AuditVerification(false, rows, id, problem);
    }
}
