package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketSnapshot;
import com.pilimarket.markets.Stake;
import com.pilimarket.markets.internal.MarketRecords.MarketRow;
import com.pilimarket.markets.internal.MarketRecords.OutcomeRow;
import com.pilimarket.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What forecasting needs of a market: locks for placement and settlement, stakes, and the settled mark. */
@Service
public class MarketStakes {

    private final MarketRecords records;
    private final MarketStakeRecords stakes;
    private final MarketHistoryRecords history;
    private final MarketOdds odds;
    private final MarketBroadcast broadcast;
    private final Clock clock;

    MarketStakes(
            MarketRecords records,
            MarketStakeRecords stakes,
            MarketHistoryRecords history,
            MarketOdds odds,
            MarketBroadcast broadcast,
            Clock clock) {
        this.records = records;
        this.stakes = stakes;
        this.history = history;
        this.odds = odds;
        this.broadcast = broadcast;
        this.clock = clock;
    }

    public long prior() {
        return odds.prior();
    }

    public BigDecimal feePercent() {
        return odds.feePercent();
    }

    @Transactional
    public MarketSnapshot lockForForecast(UUID marketId, UUID outcomeId) {
        MarketRow row = records.lockOrThrow(marketId);
        List<OutcomeRow> outcomes = records.outcomes(marketId);
        if (outcomes.stream().noneMatch(o -> o.id().equals(outcomeId))) {
            throw ValidationException.of("outcome_id", "is not an outcome of this market");
        }
        row.toDomain().requireOpenForForecasts(clock.instant());
        return snapshot(row, outcomes);
    }

    /** Locks these markets' rows in PostgreSQL's order (placements of many markets in one transaction). */
    @Transactional
    public void lockAll(Collection<UUID> marketIds) {
        records.lockAll(marketIds);
    }

    /** Empty (and nothing thrown, so the caller's transaction goes on) if the market is unknown or not open. */
    @Transactional
    public Optional<MarketSnapshot> lockIfTakingForecasts(UUID marketId) {
        return records.lock(marketId)
                .filter(row -> row.toDomain().takesForecasts(clock.instant()))
                .map(row -> snapshot(row, records.outcomes(marketId)));
    }

    /**
     * Four statements whatever the number of stakes: read the totals (under the market lock the
     * caller holds), add all stakes, and write one history point per stake with the odds right
     * after it, as if each had been recorded on its own.
     */
    @Transactional
    public void recordStakes(UUID marketId, List<Stake> stakes) {
        if (stakes.isEmpty()) {
            return;
        }
        List<OutcomeRow> outcomes = records.outcomes(marketId);
        List<UUID> ids = outcomes.stream().map(OutcomeRow::id).toList();
        long[] totals = outcomes.stream().mapToLong(OutcomeRow::totalPoints).toArray();
        Map<UUID, Long> added = new LinkedHashMap<>();
        int newForecasters = 0;
        List<String> history = new ArrayList<>(stakes.size());
        for (Stake stake : stakes) {
            int index = ids.indexOf(stake.outcomeId());
            if (index < 0) {
                throw new IllegalStateException("outcome " + stake.outcomeId() + " is not in market " + marketId);
            }
            totals[index] = Math.addExact(totals[index], stake.points());
            added.merge(stake.outcomeId(), stake.points(), Math::addExact);
            newForecasters += stake.newForecaster() ? 1 : 0;
            history.add(odds.probabilitiesJson(ids, totals));
        }
        this.stakes.addStakes(marketId, added, newForecasters);
        this.history.insertHistory(marketId, history);
        broadcast.changed(marketId);
    }

    @Transactional
    public MarketSnapshot lockForSettlement(UUID marketId) {
        MarketRow row = records.lockOrThrow(marketId);
        return snapshot(row, records.outcomes(marketId));
    }

    /** The house fee of this market's settlement, fixed at resolution (see {@link MarketStakeRecords#fixSettlementFee}). */
    @Transactional
    public BigDecimal settlementFeePercent(UUID marketId) {
        return stakes.fixSettlementFee(marketId, odds.feePercent());
    }

    @Transactional
    public boolean markSettled(UUID marketId) {
        boolean first = stakes.markSettled(marketId);
        if (first) {
            broadcast.changed(marketId);
        }
        return first;
    }

    private static MarketSnapshot snapshot(MarketRow row, List<OutcomeRow> outcomes) {
        return new MarketSnapshot(
                row.id(),
                row.status(),
                row.category(),
                row.closesAt().toInstant(),
                row.createdAt().toInstant(),
                row.maxPointsPerUser(),
                outcomes.stream().map(OutcomeRow::id).toList(),
                outcomes.stream().mapToLong(OutcomeRow::totalPoints).toArray());
    }
}
