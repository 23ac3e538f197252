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
import java.util.LinkedHashMap;
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
                Map.of(market.id(), market),
                Map.of(market.id(), List.of(new Stake(command.outcomeId(), command.points(), existing.isEmpty()))));
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
     * Applies placements on one market as one set ({@link #placeAcross} with one market): the answers
     * are exactly those of placing them one by one in the given order.
     */
    @Transactional
    public List<BatchResult> placeAll(UUID marketId, List<Placement> batch) {
        return placeAcross(List.of(new MarketBatch(marketId, batch)), false).get(0);
    }

    /** The placements of one market in a round of {@link #placeAcross}, in the order they are to be applied. */
    record MarketBatch(UUID marketId, List<Placement> placements) {}

    /**
     * Applies placements on any number of markets as one set: about a dozen statements for the whole
     * round, whatever the number of markets and placements, instead of about fifteen per placement.
     * The answers are exactly those of placing them one by one, market by market in the given order:
     * each is checked against the totals its predecessors on its market left, gets its own crowd
     * probability, its own ledger transfer and its own balance after. Results come per market, in the
     * order of {@code batches}.
     *
     * <p>Everything that can refuse a placement is decided before anything is written, from rows
     * read under the market locks: a refusal here changes nothing. The uncommon cases — an unknown,
     * inactive or short-of-chips user, an outcome of another market, a market that is not open, a
     * user twice on one market — are answered {@link BatchResult.Alone} for the caller to place
     * alone, so the rules for them live in {@link #place} only. A write that still fails (a race
     * on a balance, say) throws, and the caller retries the batch one by one.
     *
     * <p>Locks (after the keys the caller claimed): the markets' rows in PostgreSQL's order, then, with
     * {@code lockUsers}, the users' rows in PostgreSQL's order as they are read (one statement for
     * both), then their forecasts of these users in (market, user) order, then the ledger's accounts.
     * A round of many markets locks its users up front ({@link PlacementBatcher#applyAcross}).
     */
    @Transactional
    public List<List<BatchResult>> placeAcross(List<MarketBatch> batches, boolean lockUsers) {
        List<MarketSet> sets = batches.stream().map(MarketSet::new).toList();
        List<UUID> userIds = batches.stream()
                .flatMap(b -> b.placements().stream())
                .map(Placement::userId)
                .distinct()
                .toList();
        List<UUID> marketIds = sets.stream().map(MarketSet::marketId).toList();
        Map<UUID, UserAccount> people;
        Map<UUID, MarketSnapshot> open;
        if (lockUsers) {
            open = markets.lockAllIfTakingForecasts(marketIds);
            people = users.lockAll(userIds);
        } else {
            people = users.findAll(userIds);
            open = markets.lockAllIfTakingForecasts(marketIds);
        }
        // Markets not taking forecasts (or unknown): each placement gets its own answer alone (an
        // unknown outcome is a 400 even on a closed market).
        List<MarketSet> taking =
                sets.stream().filter(set -> open.containsKey(set.marketId())).toList();
        List<ForecastRecords.MarketUser> holders = new ArrayList<>();
        for (MarketSet set : taking) {
            set.placements().stream()
                    .map(Placement::userId)
                    .filter(people::containsKey)
                    .distinct()
                    .forEach(userId -> holders.add(new ForecastRecords.MarketUser(set.marketId(), userId)));
        }
        Map<ForecastRecords.MarketUser, ForecastRow> held = new HashMap<>();
        records.lockByMarketsAndUsers(holders)
                .forEach(row -> held.put(new ForecastRecords.MarketUser(row.marketId(), row.userId()), row));

        // Each user's chips as the round goes: a placement on an earlier market of the round spends them.
        Map<UUID, Long> chips = new HashMap<>();
        people.forEach((id, user) -> chips.put(id, user.chips()));
        List<ForecastRecords.NewForecast> opened = new ArrayList<>();
        List<ForecastRecords.ToppedUp> toppedUp = new ArrayList<>();
        List<Transfer> transfers = new ArrayList<>();
        Map<UUID, List<Stake>> stakes = new LinkedHashMap<>();
        for (MarketSet set : taking) {
            MarketSnapshot market = open.get(set.marketId());
            set.decide(market, people, chips, held, opened, toppedUp, transfers, stakes);
        }
        if (transfers.isEmpty()) {
            return sets.stream().map(MarketSet::results).toList();
        }

        Map<ForecastRecords.MarketUser, ForecastRow> saved = new HashMap<>();
        if (!opened.isEmpty()) {
            List<ForecastRow> inserted = records.insertAll(opened);
            if (inserted.size() != opened.size()) {
                // Unreachable while the market locks serialise placements; the caller retries one by one.
                throw new IllegalStateException("a concurrent forecast got in the way of a batch");
            }
            inserted.forEach(row -> saved.put(new ForecastRecords.MarketUser(row.marketId(), row.userId()), row));
        }
        if (!toppedUp.isEmpty()) {
            records.topUpAll(toppedUp)
                    .forEach(row -> saved.put(new ForecastRecords.MarketUser(row.marketId(), row.userId()), row));
        }
        List<Posted> posted = ledger.postAll(transfers);
        markets.recordStakes(open, stakes);

        List<ForecastPlaced> forFeed = new ArrayList<>(transfers.size());
        int transfer = 0;
        for (MarketSet set : taking) {
            MarketSnapshot market = open.get(set.marketId());
            for (int i : set.applied()) {
                Placement p = set.placements().get(i);
                ForecastRecords.MarketUser holder = new ForecastRecords.MarketUser(set.marketId(), p.userId());
                ForecastRow row = saved.get(holder);
                boolean topUp = held.containsKey(holder);
                forFeed.add(placed(row, market, p.points(), topUp));
                countAfterCommit(topUp, p.points());
                set.results()
                        .set(
                                i,
                                new BatchResult.Placed(new ForecastPlacement(
                                        row.view(), !topUp, posted.get(transfer).balanceOf(p.userId()))));
                transfer++;
            }
        }
        feed.append(forFeed);
        return sets.stream().map(MarketSet::results).toList();
    }

    /**
     * One market's placements in a round of {@link #placeAcross}: their results (Alone until decided)
     * and the indexes of those applied, in order.
     */
    private final class MarketSet {

        private final MarketBatch batch;
        private final List<BatchResult> results;
        private final List<Integer> applied = new ArrayList<>();

        MarketSet(MarketBatch batch) {
            this.batch = batch;
            this.results =
                    new ArrayList<>(Collections.nCopies(batch.placements().size(), new BatchResult.Alone()));
        }

        UUID marketId() {
            return batch.marketId();
        }

        List<Placement> placements() {
            return batch.placements();
        }

        List<BatchResult> results() {
            return results;
        }

        List<Integer> applied() {
            return applied;
        }

        /**
         * Decides each placement against the totals its predecessors on this market left and the chips
         * its user has left in the round, adding what the applied ones write (in order) to the round's
         * lists; refusals are answered, the unusual cases left Alone.
         */
        void decide(
                MarketSnapshot market,
                Map<UUID, UserAccount> people,
                Map<UUID, Long> chips,
                Map<ForecastRecords.MarketUser, ForecastRow> held,
                List<ForecastRecords.NewForecast> opened,
                List<ForecastRecords.ToppedUp> toppedUp,
                List<Transfer> transfers,
                Map<UUID, List<Stake>> stakes) {
            long[] totals = market.outcomeTotals().clone();
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < placements().size(); i++) {
                Placement p = placements().get(i);
                UserAccount user = people.get(p.userId());
                int outcome = market.indexOf(p.outcomeId());
                if (!seen.add(p.userId())
                        || user == null
                        || !user.canWrite()
                        || outcome < 0
                        || chips.get(p.userId()) < p.points()) {
                    continue; // Alone
                }
                try {
                    requireValidPoints(p.points());
                    double q = displayedProbability(market, totals, p.outcomeId());
                    ForecastRow row = held.get(new ForecastRecords.MarketUser(market.id(), p.userId()));
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
                                forecastId,
                                p.userId(),
                                market.id(),
                                p.outcomeId(),
                                forecast.points(),
                                forecast.crowdProbability()));
                    }
                    totals[outcome] = Math.addExact(totals[outcome], p.points());
                    transfers.add(
                            stakeTransfer(p.userId(), market.id(), p.outcomeId(), forecastId, placement, p.points()));
                    stakes.computeIfAbsent(market.id(), k -> new ArrayList<>())
                            .add(new Stake(p.outcomeId(), p.points(), row == null));
                    chips.merge(p.userId(), -p.points(), Long::sum);
                    applied.add(i);
                } catch (ApiException refused) {
                    results.set(i, new BatchResult.Refused(refused));
                }
            }
        }
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
                points,
                Map.of("market_id", marketId.toString(), "outcome_id", outcomeId.toString()));
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
