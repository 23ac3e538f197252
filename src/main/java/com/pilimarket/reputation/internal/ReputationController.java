package com.pilimarket.reputation.internal;

import com.pilimarket.reputation.BadgeCatalog;
import com.pilimarket.reputation.BadgeInfo;
import com.pilimarket.reputation.Reputation;
import com.pilimarket.reputation.UserStats;
import com.pilimarket.shared.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public forecasting stats of a user and the badge catalogue. */
@RestController
@Tag(name = "Reputation")
class ReputationController {

    private final Reputation reputation;

    ReputationController(Reputation reputation) {
        this.reputation = reputation;
    }

    @GetMapping("/api/v1/users/{id}/stats")
    @Operation(summary = "A user's forecasting record: accuracy, reputation, profit and calibration")
    ApiResponse<UserStats> stats(@PathVariable UUID id) {
        return ApiResponse.ok(reputation.stats(id));
    }

    @GetMapping("/api/v1/badges")
    @Operation(summary = "Every badge a user can earn")
    ApiResponse<List<BadgeInfo>> badges() {
        return ApiResponse.ok(BadgeCatalog.all());
    }
}
