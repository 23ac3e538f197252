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

    /**
     * Locks these markets' rows in PostgreSQL's order and returns those that take forecasts now, by id;
     * nothing is thrown for the others (unknown or not open), so the caller's transaction goes on.
     * Two statements whatever the number of markets.
     */
    @Transactional
    public Map<UUID, MarketSnapshot> lockAllIfTakingForecasts(Collection<UUID> marketIds) {
        List<MarketRow> taking = records.lockAll(marketIds).stream()
                .filter(row -> row.toDomain().takesForecasts(clock.instant()))
                .toList();
        Map<UUID, List<OutcomeRow>> outcomes =
                records.outcomesOf(taking.stream().map(MarketRow::id).toList());
        Map<UUID, MarketSnapshot> open = new LinkedHashMap<>();
        for (MarketRow row : taking) {
            open.put(row.id(), snapshot(row, outcomes.getOrDefault(row.id(), List.of())));
        }
        return open;
    }

    /**
     * Three statements whatever the number of markets and stakes: add all stakes, and write one history
     * point per stake with its market's odds right after it, as if each had been recorded on its own.
     * Stakes of a market are taken in the given order. The totals they start from are those of the
     * market's {@code locked} snapshot, taken under the lock the caller's transaction still holds (no
     * one else can have changed them since): reading them again was a second read of the round's
     * outcome rows, 0.23 per placement in the spread peak of 2 Dec 2026 14:18, and the outcome rows are
     * the ones every round rewrites.
     */
    @Transactional
    public void recordStakes(Map<UUID, MarketSnapshot> locked, Map<UUID, List<Stake>> stakesByMarket) {
        Map<UUID, List<Stake>> withStakes = new LinkedHashMap<>();
        stakesByMarket.forEach((marketId, stakes) -> {
            if (!stakes.isEmpty()) {
                withStakes.put(marketId, stakes);
            }
        });
        if (withStakes.isEmpty()) {
            return;
        }
        List<MarketStakeRecords.AddedStake> added = new ArrayList<>();
        Map<UUID, Integer> newForecasters = new LinkedHashMap<>();
        List<MarketHistoryRecords.Point> history = new ArrayList<>();
        withStakes.forEach((marketId, stakes) -> {
            MarketSnapshot market = locked.get(marketId);
            if (market == null) {
                throw new IllegalStateException("market " + marketId + " was not locked in this transaction");
            }
            List<UUID> ids = market.outcomeIds();
            long[] totals = market.outcomeTotals().clone();
            Map<UUID, Long> byOutcome = new LinkedHashMap<>();
            int fresh = 0;
            for (Stake stake : stakes) {
                int index = ids.indexOf(stake.outcomeId());
                if (index < 0) {
                    throw new IllegalStateException("outcome " + stake.outcomeId() + " is not in market " + marketId);
                }
                totals[index] = Math.addExact(totals[index], stake.points());
                byOutcome.merge(stake.outcomeId(), stake.points(), Math::addExact);
                fresh += stake.newForecaster() ? 1 : 0;
                history.add(new MarketHistoryRecords.Point(marketId, odds.probabilitiesJson(ids, totals)));
            }
            byOutcome.forEach(
                    (outcomeId, points) -> added.add(new MarketStakeRecords.AddedStake(marketId, outcomeId, points)));
            newForecasters.put(marketId, fresh);
        });
        this.stakes.addStakes(added, newForecasters);
        this.history.insertHistory(history);
        withStakes.keySet().forEach(broadcast::changed);
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
