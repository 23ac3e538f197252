package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastPlacement;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.forecasting.internal.ForecastRecords.ForecastRow;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Posted;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.markets.MarketSnapshot;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.Probabilities;
import com.pilimarket.markets.Stake;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Placement of forecasts, behind {@link com.pilimarket.forecasting.Forecasts}: one at a time
 * ({@link #place}) and as a batch of one market ({@link #placeAll}). Both stay in this one class
 * because the batch must answer exactly as the lone placements would, from the same rules and helpers.
 */
@Service
public class ForecastService {

    /** The largest stake one request may carry; business caps (per market) are lower. */
    public static final long MAX_POINTS_PER_REQUEST = 1_000_000_000L;

    private final ForecastRecords records;
    private final Markets markets;
    private final Ledger ledger;
    private final Users users;
    private final PlacementFeed feed;
    private final MeterRegistry meters;

    ForecastService(
            ForecastRecords records,
            Markets markets,
            Ledger ledger,
            Users users,
            PlacementFeed feed,
            MeterRegistry meters) {
        this.records = records;
        this.markets = markets;
        this.ledger = ledger;
        this.users = users;
        this.feed = feed;
        this.meters = meters;
    }

    /**
     * Places or tops up a forecast in one transaction. Locks are always taken in the same order —
     * market row, forecast row, then the ledger's accounts (pool, then user) — so concurrent
     * placements queue up instead of deadlocking, and all of them on one market are serialised.
     */
    @Transactional
    public ForecastPlacement place(UUID userId, PlaceForecast command) {
        requireValidPoints(command.points());
        UserAccount user = users.require(userId);
        requireCanWrite(user);
        MarketSnapshot market = markets.lockForForecast(command.marketId(), command.outcomeId());
        double q = displayedProbability(market, market.outcomeTotals(), command.outcomeId());
        Optional<ForecastRow> existing = records.lockByUserAndMarket(userId, market.id());
        UUID forecastId;
        int placement;
        if (existing.isPresent()) {
            ForecastRow row = existing.get();
            Forecast forecast = toDomain(row);
            forecast.topUp(command.outcomeId(), command.points(), q, market.maxPointsPerUser());
            forecastId = row.id();
            placement = forecast.placements();
            records.topUp(forecastId, forecast.points(), placement, forecast.crowdProbability());
        } else {
            Forecast forecast = Forecast.open(command.outcomeId(), command.points(), q, market.maxPointsPerUser());
            forecastId = UUID.randomUUID();
            placement = forecast.placements();
            if (!records.insert(
                    forecastId,
                    userId,
                    market.id(),
                    command.outcomeId(),
                    forecast.points(),
                    forecast.crowdProbability())) {
                // Unreachable while the market lock serialises placements; refuse rather than double-apply.
                throw ApiException.conflict("CONFLICT", "A concurrent forecast got in the way; nothing was changed");
            }
        }
        Posted posted = ledger.post(
                stakeTransfer(userId, market.id(), command.outcomeId(), forecastId, placement, command.points()));
        markets.recordStakes(
                market.id(), List.of(new Stake(command.outcomeId(), command.points(), existing.isEmpty())));
        ForecastRow saved = records.find(forecastId).orElseThrow();
        feed.append(List.of(placed(saved, market, command.points(), existing.isPresent())));
        countAfterCommit(existing.isPresent(), command.points());
        return new ForecastPlacement(saved.view(), existing.isEmpty(), posted.balanceOf(userId));
    }

    /** What became of one placement of a batch ({@link #placeAll}). */
    sealed interface BatchResult {

        /** Applied: the same answer a lone placement would have given. */
        record Placed(ForecastPlacement placement) implements BatchResult {}

        /** Refused by a rule of the forecast, with the same error a lone placement would have given. */
        record Refused(ApiException reason) implements BatchResult {}

        /** Not decided here (an unusual case, such as a second placement by one user): place it alone. */
        record Alone() implements BatchResult {}
    }

    /**
     * Applies placements on one market as one set: about a dozen statements for the whole batch
     * instead of about fifteen per placement. The answers are exactly those of placing them one by
     * one in the given order: each is checked against the totals its predecessors left, gets its
     * own crowd probability, its own ledger transfer and its own balance after.
     *
     * <p>Everything that can refuse a placement is decided before anything is written, from rows
     * read under the market lock: a refusal here changes nothing. The uncommon cases — an unknown,
     * inactive or short-of-chips user, an outcome of another market, a market that is not open, a
     * user twice in one batch — are answered {@link BatchResult.Alone} for the caller to place
     * alone, so the rules for them live in {@link #place} only. A write that still fails (a race
     * on a balance, say) throws, and the caller retries the batch one by one.
     */
    @Transactional
    public List<BatchResult> placeAll(UUID marketId, List<Placement> batch) {
        List<BatchResult> results = new ArrayList<>(Collections.nCopies(batch.size(), new BatchResult.Alone()));
        Map<UUID, UserAccount> people =
                users.findAll(batch.stream().map(Placement::userId).toList());
        Optional<MarketSnapshot> open = markets.lockIfTakingForecasts(marketId);
        if (open.isEmpty()) {
            return results; // each gets its own answer (an unknown outcome is a 400 even on a closed market)
        }
        MarketSnapshot market = open.get();
        Map<UUID, ForecastRow> held = new HashMap<>();
        records.lockByUsersAndMarket(people.keySet(), marketId).forEach(row -> held.put(row.userId(), row));

        long[] totals = market.outcomeTotals().clone();
        Set<UUID> seen = new HashSet<>();
        List<Integer> applied = new ArrayList<>();
        List<ForecastRecords.NewForecast> opened = new ArrayList<>();
        List<ForecastRecords.ToppedUp> toppedUp = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        List<Stake> stakes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Placement p = batch.get(i);
            UserAccount user = people.get(p.userId());
            int outcome = market.indexOf(p.outcomeId());
            if (!seen.add(p.userId()) || user == null || !user.canWrite() || outcome < 0 || user.chips() < p.points()) {
                continue; // Alone
            }
            try {
                requireValidPoints(p.points());
                double q = displayedProbability(market, totals, p.outcomeId());
                ForecastRow row = held.get(p.userId());
                UUID forecastId;
                int placement;
                if (row != null) {
                    Forecast forecast = toDomain(row);
                    forecast.topUp(p.outcomeId(), p.points(), q, market.maxPointsPerUser());
                    forecastId = row.id();
                    placement = forecast.placements();
                    toppedUp.add(new ForecastRecords.ToppedUp(
                            forecastId, forecast.points(), placement, forecast.crowdProbability()));
                } else {
                    Forecast forecast = Forecast.open(p.outcomeId(), p.points(), q, market.maxPointsPerUser());
                    forecastId = UUID.randomUUID();
                    placement = forecast.placements();
                    opened.add(new ForecastRecords.NewForecast(
                            forecastId, p.userId(), p.outcomeId(), forecast.points(), forecast.crowdProbability()));
                }
                totals[outcome] = Math.addExact(totals[outcome], p.points());
                transfers.add(stakeTransfer(p.userId(), marketId, p.outcomeId(), forecastId, placement, p.points()));
                stakes.add(new Stake(p.outcomeId(), p.points(), row == null));
                applied.add(i);
            } catch (ApiException refused) {
                results.set(i, new BatchResult.Refused(refused));
            }
        }
        if (applied.isEmpty()) {
            return results;
        }

        Map<UUID, ForecastRow> saved = new HashMap<>();
        if (!opened.isEmpty()) {
            List<ForecastRow> inserted = records.insertAll(marketId, opened);
            if (inserted.size() != opened.size()) {
                // Unreachable while the market lock serialises placements; the caller retries one by one.
                throw new IllegalStateException("a concurrent forecast got in the way of a batch on " + marketId);
            }
            inserted.forEach(row -> saved.put(row.userId(), row));
        }
        if (!toppedUp.isEmpty()) {
            records.topUpAll(toppedUp).forEach(row -> saved.put(row.userId(), row));
        }
        List<Posted> posted = ledger.postAll(transfers);
        markets.recordStakes(marketId, stakes);

        List<ForecastPlaced> forFeed = new ArrayList<>(applied.size());
        for (int k = 0; k < applied.size(); k++) {
            int i = applied.get(k);
            Placement p = batch.get(i);
            ForecastRow row = saved.get(p.userId());
            boolean topUp = held.containsKey(p.userId());
            forFeed.add(placed(row, market, p.points(), topUp));
            countAfterCommit(topUp, p.points());
            results.set(
                    i,
                    new BatchResult.Placed(new ForecastPlacement(
                            row.view(), !topUp, posted.get(k).balanceOf(p.userId()))));
        }
        feed.append(forFeed);
        return results;
    }

    /** One placement of a batch: who, and what they asked for. */
    record Placement(UUID userId, UUID outcomeId, long points) {}

    private static void requireValidPoints(long points) {
        if (points < 1 || points > MAX_POINTS_PER_REQUEST) {
            throw ValidationException.of("points", "must be a whole number from 1 to " + MAX_POINTS_PER_REQUEST);
        }
    }

    private static void requireCanWrite(UserAccount user) {
        if (!user.canWrite()) {
            // The auth filter refuses writes of inactive accounts first; this guards non-HTTP callers too.
            String code = user.status() == UserStatus.BANNED ? ErrorCodes.ACCOUNT_BANNED : ErrorCodes.ACCOUNT_SUSPENDED;
            throw ApiException.forbidden(
                    code, "Your account is " + user.status().value() + "; it cannot place forecasts");
        }
    }

    /** The probability the market shows for an outcome at these totals: the price a placement gets. */
    private double displayedProbability(MarketSnapshot market, long[] totals, UUID outcomeId) {
        return Probabilities.of(totals, markets.probabilityPrior(), markets.houseFeePercent())
                .get(market.indexOf(outcomeId))
                .probability();
    }

    private static Forecast toDomain(ForecastRow row) {
        return Forecast.existing(row.outcomeId(), row.points(), row.placements(), row.crowdProbability());
    }

    private static Transfer stakeTransfer(
            UUID userId, UUID marketId, UUID outcomeId, UUID forecastId, int placement, long points) {
        return Transfer.move(
                        "forecast:" + forecastId + ":" + placement,
                        "forecast",
                        Account.user(userId),
                        Account.pool(marketId),
                        points)
                .withMetadata(Map.of("market_id", marketId.toString(), "outcome_id", outcomeId.toString()));
    }

    private static ForecastPlaced placed(ForecastRow saved, MarketSnapshot market, long points, boolean topUp) {
        return new ForecastPlaced(
                saved.id(),
                saved.userId(),
                market.id(),
                saved.outcomeId(),
                market.category(),
                points,
                saved.points(),
                topUp,
                saved.crowdProbability(),
                saved.updatedAt().toInstant());
    }

    /** Business metrics count only what committed: {@code pilimarket.forecasts.placed} and the chips staked. */
    private void countAfterCommit(boolean topUp, long points) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                String kind = topUp ? "top_up" : "new";
                meters.counter("pilimarket.forecasts.placed", "kind", kind).increment();
                meters.counter("pilimarket.forecasts.staked", "kind", kind).increment(points);
            }
        });
    }

    @Transactional
    public int setFlagged(Collection<UUID> forecastIds, boolean flagged) {
        if (forecastIds.isEmpty()) {
            return 0;
        }
        return records.updateFlagged(forecastIds.toArray(UUID[]::new), flagged);
    }
}
