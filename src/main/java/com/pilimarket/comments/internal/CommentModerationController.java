package com.pilimarket.comments.internal;

import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Moderators hide abusive comments and restore them; both are audited. */
@RestController
@RequestMapping("/api/v1/admin/comments")
@Tag(name = "Admin: moderation")
class CommentModerationController {

    private final CommentModeration comments;

    CommentModerationController(CommentModeration comments) {
        this.comments = comments;
    }

    /** Why (optional, up to 500 characters; kept in the audit log). */
    record CommentModerationRequest(@Nullable String reason) {}

    @ErrorAnswer(status = 422, value = "INVALID_STATE: already hidden")
    @PostMapping("/{id}/hide")
    @PreAuthorize("hasRole('MODERATOR')")
    @Operation(summary = "Hides a comment from readers (its open reports are settled); audited")
    ApiResponse<CommentView> hideComment(
            @PathVariable UUID id, @RequestBody(required = false) CommentModerationRequest request) {
        return ApiResponse.ok(
                comments.moderate(Callers.requireUserId(), id, true, request == null ? null : request.reason()));
    }

    @ErrorAnswer(status = 422, value = "INVALID_STATE: not hidden")
    @PostMapping("/{id}/restore")
    @PreAuthorize("hasRole('MODERATOR')")
    @Operation(summary = "Shows a hidden comment again; audited")
    ApiResponse<CommentView> restoreComment(
            @PathVariable UUID id, @RequestBody(required = false) CommentModerationRequest request) {
        return ApiResponse.ok(
                comments.moderate(Callers.requireUserId(), id, false, request == null ? null : request.reason()));
    }
}
