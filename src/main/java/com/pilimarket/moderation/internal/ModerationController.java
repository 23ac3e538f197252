package com.pilimarket.moderation.internal;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.moderation.internal.Flagging.Cleared;
import com.pilimarket.moderation.internal.FraudScan.Report;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "Admin: moderation", description = "Fraud flags review queue")
class ModerationController {

    private final Flagging flagging;
    private final FraudScan scan;
    private final AuditLog audit;

    ModerationController(Flagging flagging, FraudScan scan, AuditLog audit) {
        this.flagging = flagging;
        this.scan = scan;
        this.audit = audit;
    }

    record ClearRequest(String reason) {}

    @GetMapping("/flags")
    @PreAuthorize("hasRole('MODERATOR')")
    @Operation(summary = "The review queue: flags with their rule, evidence, account and subject (newest first)")
    ApiResponse<List<FlagView>> flags(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String rule,
            @RequestParam(name = "user_id", required = false) String userId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(flagging.queue(status, rule, userId, PageQuery.of(page, limit)));
    }

    @ErrorAnswer(status = 422, value = "INVALID_STATE: the flag is already cleared")
    @PostMapping("/flags/{id}/clear")
    @PreAuthorize("hasRole('MODERATOR')")
    @Operation(
            summary =
                    "Clears a flag with a reason (and the same finding's flags on the account's forecasts and purchases); audited")
    ApiResponse<Cleared> clear(@PathVariable UUID id, @RequestBody(required = false) ClearRequest request) {
        return ApiResponse.ok(flagging.clear(Callers.requireUserId(), id, request == null ? null : request.reason()));
    }

    @PostMapping("/fraud/scan")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Runs the hourly fraud scan now; audited")
    ApiResponse<Report> scan() {
        Report report = scan.run();
        Map<String, Object> details = new LinkedHashMap<>();
        report.rules().forEach((rule, result) -> details.put(rule, result.raised()));
        audit.record(Callers.requireUserId(), "fraud.scan_run", "system", "fraud-scan", details);
        return ApiResponse.ok(report);
    }
}
