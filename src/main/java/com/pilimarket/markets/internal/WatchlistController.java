package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketSummary;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's watchlist ({@code GET /users/me/watchlist}); the watch toggles live on the market. */
@RestController
@Tag(name = "Markets")
class WatchlistController {

    private final MarketReads markets;

    WatchlistController(MarketReads markets) {
        this.markets = markets;
    }

    @SignedIn
    @GetMapping("/api/v1/users/me/watchlist")
    @Operation(summary = "The markets the caller watches, the most recently watched first (paged)")
    ApiResponse<List<MarketSummary>> watchlist(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(markets.watchlist(Callers.requireUserId(), PageQuery.of(page, limit)));
    }
}
