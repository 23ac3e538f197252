package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.Portfolio;
import com.pilimarket.forecasting.SettledPosition;
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

/** The caller's portfolio: open positions valued now, and the settled history. */
@RestController
@Tag(name = "Forecasts")
class PortfolioController {

    private final PortfolioService portfolios;

    PortfolioController(PortfolioService portfolios) {
        this.portfolios = portfolios;
    }

    @SignedIn
    @GetMapping("/api/v1/users/me/portfolio")
    @Operation(
            summary =
                    "The caller's open positions, soonest to close first, each valued at the current pool (payout if it wins now, after the house fee), with totals")
    ApiResponse<Portfolio> myPortfolio() {
        return ApiResponse.ok(portfolios.of(Callers.requireUserId()));
    }

    @SignedIn
    @GetMapping("/api/v1/users/me/portfolio/settled")
    @Operation(summary = "The caller's settled forecasts with payout and profit, the most recently settled first")
    ApiResponse<List<SettledPosition>> mySettledPositions(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(portfolios.settled(Callers.requireUserId(), PageQuery.of(page, limit)));
    }
}
