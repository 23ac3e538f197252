package com.pilimarket.activity.internal;

import com.pilimarket.activity.Activities;
import com.pilimarket.activity.ActivityView;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public activity feed. */
@RestController
@Tag(name = "Activity")
class ActivityController {

    private final Activities activities;

    ActivityController(Activities activities) {
        this.activities = activities;
    }

    @GetMapping("/api/v1/activity")
    @ErrorAnswer(status = 401, value = "UNAUTHENTICATED: following=true without a signed-in caller")
    @Operation(
            summary = "Activity feed, newest first; optionally for one market or one user, or (following=true,"
                    + " signed in) of the people the caller follows")
    ApiResponse<List<ActivityView>> feed(
            @RequestParam(name = "market_id", required = false) UUID marketId,
            @RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(required = false) Boolean following,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        PageQuery paging = PageQuery.of(page, limit);
        if (Boolean.TRUE.equals(following)) {
            UUID caller = Callers.currentUserId()
                    .orElseThrow(() ->
                            new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "Log in first"));
            return ApiResponse.page(activities.followingFeed(caller, marketId, paging));
        }
        return ApiResponse.page(activities.feed(marketId, userId, paging));
    }
}
