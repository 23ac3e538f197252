package com.pilimarket.users.internal;

import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.shared.web.ErrorAnswer;
import com.pilimarket.users.FollowCounts;
import com.pilimarket.users.FollowedUser;
import com.pilimarket.users.Follows;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Follow and unfollow; the lists of a user's followers and of whom they follow (public). */
@RestController
@RequestMapping("/api/v1/users/{id}")
@Tag(name = "Users")
class FollowController {

    private final Follows follows;

    FollowController(Follows follows) {
        this.follows = follows;
    }

    @SignedIn
    @ErrorAnswer(
            status = 422,
            value = "CANNOT_FOLLOW_SELF: the caller named themself; FOLLOW_LIMIT_REACHED: the caller follows too many")
    @PostMapping("/follow")
    @Operation(summary = "The caller follows this user (again: no change); answers the user's follow counts")
    ApiResponse<FollowCounts> follow(@PathVariable UUID id) {
        return ApiResponse.ok(follows.follow(Callers.requireUserId(), id));
    }

    @SignedIn
    @DeleteMapping("/follow")
    @Operation(summary = "The caller stops following this user; answers the user's follow counts")
    ApiResponse<FollowCounts> unfollow(@PathVariable UUID id) {
        return ApiResponse.ok(follows.unfollow(Callers.requireUserId(), id));
    }

    @GetMapping("/followers")
    @Operation(summary = "Who follows this user, most recent first")
    ApiResponse<List<FollowedUser>> followers(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(follows.followers(id, PageQuery.of(page, limit)));
    }

    @GetMapping("/following")
    @Operation(summary = "Whom this user follows, most recent first")
    ApiResponse<List<FollowedUser>> following(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(follows.following(id, PageQuery.of(page, limit)));
    }
}
