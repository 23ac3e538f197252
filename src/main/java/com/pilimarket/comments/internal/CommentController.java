package com.pilimarket.comments.internal;

import com.pilimarket.comments.internal.CommentWrites.CommentLike;
import com.pilimarket.comments.internal.CommentWrites.CommentReport;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Comments on a market: read them (anyone), write, edit, delete, like and report them (signed in). */
@RestController
@Tag(name = "Comments")
class CommentController {

    private final CommentReads reads;
    private final CommentWrites comments;

    CommentController(CommentReads reads, CommentWrites comments) {
        this.reads = reads;
        this.comments = comments;
    }

    /** A new comment; {@code parent_id} makes it a reply. */
    record NewCommentRequest(String body, @Nullable UUID parentId) {}

    /** The new text of a comment. */
    record EditCommentRequest(String body) {}

    /** Why the comment is reported (optional, up to 500 characters). */
    record CommentReportRequest(@Nullable String reason) {}

    /** A deleted comment. */
    record CommentDeletion(UUID commentId, boolean deleted) {}

    @GetMapping("/api/v1/markets/{id}/comments")
    @Operation(
            summary = "A market's comments: top-level comments with their replies, newest (sort=new) or most liked"
                    + " (sort=top) first; paged by top-level comment")
    ApiResponse<List<CommentView>> listComments(
            @PathVariable UUID id,
            @Parameter(schema = @Schema(allowableValues = {"new", "top"})) @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(reads.list(
                id, sort, PageQuery.of(page, limit), Callers.currentUserId().orElse(null)));
    }

    @SignedIn
    @ErrorAnswer(
            status = 422,
            value = "COMMENTS_CLOSED: the market ended more than 7 days ago; INVALID_STATE: the"
                    + " comment replied to was hidden")
    @ErrorAnswer(
            status = 429,
            value = "RATE_LIMITED: more than 10 comments a minute (Retry-After says when to try again)")
    @PostMapping("/api/v1/markets/{id}/comments")
    @Operation(
            summary = "Posts a comment (or a reply, with parent_id) with the caller's current position in the market")
    ResponseEntity<ApiResponse<CommentView>> postComment(
            @PathVariable UUID id, @RequestBody NewCommentRequest request) {
        CommentView created = comments.post(Callers.requireUserId(), id, request.body(), request.parentId());
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(created));
    }

    @SignedIn
    @ErrorAnswer(
            status = 422,
            value = "EDIT_WINDOW_CLOSED: more than 10 minutes after posting; COMMENTS_CLOSED;"
                    + " INVALID_STATE: hidden by a moderator")
    @PatchMapping("/api/v1/comments/{id}")
    @Operation(summary = "Edits the caller's own comment, within 10 minutes of posting")
    ApiResponse<CommentView> editComment(@PathVariable UUID id, @RequestBody EditCommentRequest request) {
        return ApiResponse.ok(comments.edit(Callers.requireUserId(), id, request.body()));
    }

    @SignedIn
    @DeleteMapping("/api/v1/comments/{id}")
    @Operation(summary = "Deletes the caller's own comment (replies to it stay)")
    ApiResponse<CommentDeletion> deleteComment(@PathVariable UUID id) {
        comments.delete(Callers.requireUserId(), id);
        return ApiResponse.ok(new CommentDeletion(id, true));
    }

    @SignedIn
    @ErrorAnswer(status = 422, value = "COMMENTS_CLOSED; INVALID_STATE: hidden by a moderator")
    @PostMapping("/api/v1/comments/{id}/like")
    @Operation(summary = "Likes a comment (idempotent)")
    ApiResponse<CommentLike> likeComment(@PathVariable UUID id) {
        return ApiResponse.ok(comments.like(Callers.requireUserId(), id, true));
    }

    @SignedIn
    @ErrorAnswer(status = 422, value = "COMMENTS_CLOSED; INVALID_STATE: hidden by a moderator")
    @DeleteMapping("/api/v1/comments/{id}/like")
    @Operation(summary = "Takes back the caller's like (idempotent)")
    ApiResponse<CommentLike> unlikeComment(@PathVariable UUID id) {
        return ApiResponse.ok(comments.like(Callers.requireUserId(), id, false));
    }

    @SignedIn
    @ErrorAnswer(status = 422, value = "INVALID_STATE: your own comment")
    @PostMapping("/api/v1/comments/{id}/report")
    @Operation(summary = "Reports a comment to the moderators (once per reader; repeating it changes nothing)")
    ApiResponse<CommentReport> reportComment(
            @PathVariable UUID id, @RequestBody(required = false) CommentReportRequest request) {
        return ApiResponse.ok(comments.report(Callers.requireUserId(), id, request == null ? null : request.reason()));
    }
}
