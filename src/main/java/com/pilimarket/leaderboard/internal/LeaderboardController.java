package com.pilimarket.leaderboard.internal;

import com.pilimarket.leaderboard.LeaderboardEntry;
import com.pilimarket.markets.MarketCategory;
import com.pilimarket.reputation.RankingMetric;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Leaderboards, read from the stored boards (never computed per request). */
@RestController
@RequestMapping("/api/v1/leaderboard")
@Tag(name = "Leaderboard")
class LeaderboardController {

    private final Leaderboards leaderboards;

    LeaderboardController(Leaderboards leaderboards) {
        this.leaderboards = leaderboards;
    }

    @GetMapping
    @Operation(summary = "A leaderboard: period weekly|monthly|all_time, optional category, metric skill|profit")
    ApiResponse<List<LeaderboardEntry>> board(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String metric,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        PageQuery query = PageQuery.of(page, limit);
        return ApiResponse.page(leaderboards.page(period(period), category(category), metric(metric), query));
    }

    @SignedIn
    @GetMapping("/me")
    @Operation(summary = "The caller's line on a leaderboard, or null when not ranked")
    ApiResponse<LeaderboardEntry> me(
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String metric) {
        return ApiResponse.ok(leaderboards
                .rankOf(Callers.requireUserId(), period(period), category(category), metric(metric))
                .orElse(null));
    }

    private static Period period(String value) {
        if (value == null || value.isBlank()) {
            return Period.ALL_TIME;
        }
        return Period.parse(value)
                .orElseThrow(() -> ApiException.badRequest("period", "period must be weekly, monthly or all_time"));
    }

    private static String category(String value) {
        if (value == null || value.isBlank() || "all".equals(value)) {
            return null;
        }
        return MarketCategory.parse(value)
                .map(MarketCategory::value)
                .orElseThrow(() -> ApiException.badRequest("category", "unknown category"));
    }

    private static RankingMetric metric(String value) {
        if (value == null || value.isBlank()) {
            return RankingMetric.SKILL;
        }
        return RankingMetric.parse(value)
                .orElseThrow(() -> ApiException.badRequest("metric", "metric must be skill or profit"));
    }
}
