package com.pilimarket.audit.internal;

import com.pilimarket.audit.AuditEntry;
import com.pilimarket.audit.AuditLog;
import com.pilimarket.audit.AuditVerification;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/audit-log")
@Tag(name = "Admin: audit log")
@PreAuthorize("hasRole('ADMIN')")
class AuditLogController {

    private final AuditLog audit;

    AuditLogController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "The audit log, newest first, optionally filtered by actor, action or target")
    ApiResponse<List<AuditEntry>> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit,
            @RequestParam(name = "actor_id", required = false) UUID actorId,
            @RequestParam(required = false) String action,
            @RequestParam(name = "target_id", required = false) String targetId) {
        return ApiResponse.page(audit.list(PageQuery.of(page, limit), actorId, action, targetId));
    }

    @GetMapping("/verify")
    @Operation(summary = "Walks the hash chain and reports the first row that does not verify")
    ApiResponse<AuditVerification> verify() {
        return ApiResponse.ok(audit.verify());
    }
}
