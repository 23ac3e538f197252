package com.pilimarket.discovery.internal;

import com.pilimarket.discovery.HomeFeed;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The home feed: the sections of the first screen. */
@RestController
@Tag(name = "Markets")
class HomeFeedController {

    private final HomeFeeds feeds;

    HomeFeedController(HomeFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/api/v1/markets/feed")
    @Operation(
            summary =
                    "The home feed: trending (most forecasters, then chips, in the last 24 h), closing soon, new, and for a signed-in caller the watchlist and markets for them (near the ones they forecast in, never one they hold)")
    ApiResponse<HomeFeed> homeFeed() {
        return ApiResponse.ok(feeds.feed(Callers.currentUserId().orElse(null)));
    }
}
