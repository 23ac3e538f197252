package com.pilimarket.activity.internal;

import com.pilimarket.activity.Activities;
import com.pilimarket.activity.ActivityView;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
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
    @Operation(summary = "Activity feed, newest first; optionally for one market or one user")
    ApiResponse<List<ActivityView>> feed(
            @RequestParam(name = "market_id", required = false) UUID marketId,
            @RequestParam(name = "user_id", required = false) UUID userId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(activities.feed(marketId, userId, PageQuery.of(page, limit)));
    }
}
