package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.Portfolio;
import com.pilimarket.forecasting.PortfolioMarket;
import com.pilimarket.forecasting.PortfolioPosition;
import com.pilimarket.forecasting.PortfolioTotals;
import com.pilimarket.forecasting.SettledPosition;
import com.pilimarket.forecasting.internal.PortfolioRecords.OpenRow;
import com.pilimarket.forecasting.internal.PortfolioRecords.Realised;
import com.pilimarket.forecasting.internal.PortfolioRecords.SettledRow;
import com.pilimarket.markets.MarketSummary;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.OutcomeView;
import com.pilimarket.markets.PariMutuel;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio: the user's forecasts (this module's table) valued with the markets' current pools
 * (the markets facade), using the settlement's own formula, so "if it wins now" is what settlement
 * would pay at this moment.
 */
@Service
class PortfolioService {

    private final PortfolioRecords records;
    private final Markets markets;

    PortfolioService(PortfolioRecords records, Markets markets) {
        this.records = records;
        this.markets = markets;
    }

    @Transactional(readOnly = true)
    Portfolio of(UUID userId) {
        List<OpenRow> rows = records.open(userId);
        Map<UUID, MarketSummary> byId =
                markets.summaries(rows.stream().map(OpenRow::marketId).collect(Collectors.toSet()));
        BigDecimal fee = markets.houseFeePercent();
        List<PortfolioPosition> positions = new ArrayList<>(rows.size());
        long staked = 0;
        long payouts = 0;
        for (OpenRow row : rows) {
            MarketSummary market = byId.get(row.marketId());
            if (market == null) {
                continue;
            }
            OutcomeView outcome = outcome(market, row.outcomeId());
            long payout = payoutIfWins(row.points(), market, outcome, fee);
            positions.add(new PortfolioPosition(
                    row.id(),
                    market(market),
                    row.outcomeId(),
                    outcome.name(),
                    outcome.nameFil(),
                    row.points(),
                    outcome.probability(),
                    row.crowdProbability(),
                    payout,
                    payout - row.points(),
                    row.createdAt().withOffsetSameInstant(ZoneOffset.UTC)));
            staked += row.points();
            payouts += payout;
        }
        positions.sort(Comparator.comparing((PortfolioPosition p) -> p.market().closesAt())
                .thenComparing(p -> p.market().id())
                .thenComparing(PortfolioPosition::forecastId));
        Realised realised = records.realised(userId);
        return new Portfolio(
                positions,
                new PortfolioTotals(
                        positions.size(), staked, payouts, payouts - staked, realised.settled(), realised.profit()));
    }

    @Transactional(readOnly = true)
    Page<SettledPosition> settled(UUID userId, PageQuery page) {
        Page<SettledRow> rows = records.settled(userId, page);
        Map<UUID, MarketSummary> byId = markets.summaries(
                rows.items().stream().map(SettledRow::marketId).collect(Collectors.toSet()));
        return rows.map(row -> {
            MarketSummary market = byId.get(row.marketId());
            OutcomeView outcome = outcome(market, row.outcomeId());
            return new SettledPosition(
                    row.id(),
                    market(market),
                    row.outcomeId(),
                    outcome.name(),
                    outcome.nameFil(),
                    row.points(),
                    row.status(),
                    row.payout(),
                    row.payout() - row.points(),
                    row.crowdProbability(),
                    row.settledAt().withOffsetSameInstant(ZoneOffset.UTC));
        });
    }

    /**
     * {@code floor(stake × D / A_w)} with {@code D = floor(T × (1 − fee))}: exactly what
     * {@link PariMutuel#payouts} gives this forecast if the market resolves to its outcome with the pool
     * as it is now. The outcome's total includes the stake itself.
     */
    static long payoutIfWins(long stake, MarketSummary market, OutcomeView outcome, BigDecimal feePercent) {
        long pool =
                market.outcomes().stream().mapToLong(OutcomeView::totalPoints).sum();
        long winning = Math.max(outcome.totalPoints(), stake);
        return PariMutuel.share(stake, PariMutuel.distributable(Math.max(pool, winning), feePercent), winning);
    }

    private static OutcomeView outcome(MarketSummary market, UUID outcomeId) {
        return market.outcomes().stream()
                .filter(o -> o.id().equals(outcomeId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("outcome " + outcomeId + " is not in " + market.id()));
    }

    private static PortfolioMarket market(MarketSummary m) {
        return new PortfolioMarket(m.id(), m.slug(), m.title(), m.titleFil(), m.category(), m.status(), m.closesAt());
    }
}
