package com.pilimarket.forecasting.internal;

import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.LedgerEntryView;
import com.pilimarket.markets.MarketRef;
import com.pilimarket.markets.Markets;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's chip statement ({@code GET /users/me/transactions}): the ledger's lines, each
 * forecast, payout and refund naming its market. It lives here rather than in users because
 * naming the market needs both the ledger and the markets, and forecasting already depends on both.
 */
@RestController
@Tag(name = "Users")
class ChipStatement {

    private final Ledger ledger;
    private final Markets markets;

    ChipStatement(Ledger ledger, Markets markets) {
        this.ledger = ledger;
        this.markets = markets;
    }

    /**
     * One line of the statement: the ledger entry, with {@code market} (id, slug, title, Filipino
     * title) when the movement belongs to a market.
     */
    record StatementLine(
            long id,
            long amount,
            long balanceAfter,
            String reason,
            String reasonCode,
            String reference,
            OffsetDateTime createdAt,
            @Nullable UUID marketId,
            @Nullable MarketRef market) {}

    @SignedIn
    @GetMapping("/api/v1/users/me/transactions")
    @Operation(
            summary = "The caller's chip statement, newest first",
            description = "Each line has the kind of movement in the reader's language (`reason`), its stable"
                    + " `reason_code`, the balance after it and, for forecasts, payouts and refunds, the market.")
    @Transactional(readOnly = true)
    ApiResponse<List<StatementLine>> transactions(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
        Page<LedgerEntryView> entries = ledger.statement(Callers.requireUserId(), PageQuery.of(page, limit));
        Map<UUID, MarketRef> refs = markets.refs(entries.items().stream()
                .map(LedgerEntryView::marketId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        return ApiResponse.page(entries.map(e -> new StatementLine(
                e.id(),
                e.amount(),
                e.balanceAfter(),
                e.reason(),
                e.reasonCode(),
                e.reference(),
                e.createdAt(),
                e.marketId(),
                e.marketId() == null ? null : refs.get(e.marketId()))));
    }
}
