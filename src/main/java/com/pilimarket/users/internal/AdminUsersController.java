package com.pilimarket.users.internal;

import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.idempotency.IdempotentRequests;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.web.ErrorAnswer;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.internal.AdminUsers.GrantResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "Admin: users")
class AdminUsersController {

    /** Idempotency scope of grants: an admin's key is theirs, whichever user it was for. */
    static final String GRANT_SCOPE = "admin-grant";

    private final AdminUsers admin;
    private final IdempotentRequests idempotency;

    AdminUsersController(AdminUsers admin, IdempotentRequests idempotency) {
        this.admin = admin;
        this.idempotency = idempotency;
    }

    record ChangeRequest(
            @Nullable @Schema(implementation = UserStatus.class)
            String status,

            @Nullable @Schema(implementation = UserRole.class)
            String role,

            String reason) {}

    record GrantRequest(Long chips, String reason) {}

    @GetMapping
    @PreAuthorize("hasRole('MODERATOR')")
    @Operation(summary = "Searches users by name or email, status, role and flagged (newest first)")
    ApiResponse<List<AdminUserView>> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String flagged,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(admin.search(q, status, role, flagged, PageQuery.of(page, limit)));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('MODERATOR')")
    @Operation(summary = "One user as the console shows it")
    ApiResponse<AdminUserView> find(@PathVariable UUID id) {
        return ApiResponse.ok(admin.find(id));
    }

    @ErrorAnswer(status = 422, value = "LAST_SUPERADMIN: the last active superadmin must stay one")
    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('MODERATOR')")
    @Operation(summary = "Changes a user's status (moderator) or role (superadmin), with a reason; audited")
    ApiResponse<AdminUserView> change(@PathVariable UUID id, @RequestBody ChangeRequest request) {
        return ApiResponse.ok(
                admin.change(Callers.requireUserId(), id, request.status(), request.role(), request.reason()));
    }

    @PostMapping("/{id}/grant")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Grants (positive) or takes back (negative) chips through the ledger; audited;"
                    + " honours Idempotency-Key")
    @SuppressWarnings("unchecked")
    ResponseEntity<ApiResponse<GrantResult>> grant(
            @PathVariable UUID id,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestBody GrantRequest request) {
        UUID actorId = Callers.requireUserId();
        // The target is part of the request: the same key for another user is a conflict, not a replay.
        Map<String, Object> keyed = new LinkedHashMap<>();
        keyed.put("user_id", id);
        keyed.put("chips", request.chips());
        keyed.put("reason", request.reason());
        // A replay carries the stored JSON of the first answer, the same document as this type.
        return (ResponseEntity<ApiResponse<GrantResult>>) idempotency.execute(
                actorId,
                GRANT_SCOPE,
                idempotencyKey,
                keyed,
                () -> ResponseEntity.ok(
                        ApiResponse.ok(admin.grant(actorId, id, request.chips(), request.reason(), idempotencyKey))));
    }
}
