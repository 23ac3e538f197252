package com.pilimarket.moderation.internal;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.moderation.internal.OperatorStats.Stats;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.shared.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: operations", description = "Operator overview and the money invariants")
class OperatorController {

    private final OperatorStats stats;
    private final SystemInvariants invariants;
    private final AuditLog audit;

    OperatorController(OperatorStats stats, SystemInvariants invariants, AuditLog audit) {
        this.stats = stats;
        this.invariants = invariants;
        this.audit = audit;
    }

    /** The result of an invariant check: per check, its violations. */
    record InvariantsResult(boolean holds, List<String> violations, Map<String, List<String>> checks) {}

    @GetMapping("/stats")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Users, active users, markets by status, chips by holder, purchases, open flags")
    ApiResponse<Stats> stats() {
        return ApiResponse.ok(stats.stats());
    }

    @PostMapping("/invariants/check")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Checks every money invariant in one snapshot; audited")
    ApiResponse<InvariantsResult> checkInvariants() {
        SystemInvariants.Report report = invariants.check();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("holds", report.holds());
        details.put("violations", report.violations().size());
        audit.record(Callers.requireUserId(), "invariants.checked", "system", "invariants", details);
        return ApiResponse.ok(new InvariantsResult(report.holds(), report.violations(), report.violationsByCheck()));
    }
}
