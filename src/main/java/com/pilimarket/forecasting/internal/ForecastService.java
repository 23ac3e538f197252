package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.ForecastPlaced;
import com.pilimarket.forecasting.ForecastPlacement;
import com.pilimarket.forecasting.Forecaster;
import com.pilimarket.forecasting.MarketForecast;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.forecasting.internal.ForecastRecords.ForecastRow;
import com.pilimarket.forecasting.internal.ForecastRecords.MarketForecastRow;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Posted;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.markets.MarketSnapshot;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.Probabilities;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.Users;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Placement and reading of forecasts, behind {@link com.pilimarket.forecasting.Forecasts}. */
@Service
public class ForecastService {

    /** The largest stake one request may carry; business caps (per market) are lower. */
    public static final long MAX_POINTS_PER_REQUEST = 1_000_000_000L;

    private final ForecastRecords records;
    private final Markets markets;
    private final Ledger ledger;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;

    ForecastService(
            ForecastRecords records,
            Markets markets,
            Ledger ledger,
            Users users,
            ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.records = records;
        this.markets = markets;
        this.ledger = ledger;
        this.users = users;
        this.events = events;
        this.meters = meters;
    }

    /**
     * Places or tops up a forecast in one transaction. Locks are always taken in the same order —
     * market row, forecast row, then the ledger's accounts (pool, then user) — so concurrent
     * placements queue up instead of deadlocking, and all of them on one market are serialised.
     */
    @Transactional
    public ForecastPlacement place(UUID userId, PlaceForecast command) {
        if (command.points() < 1 || command.points() > MAX_POINTS_PER_REQUEST) {
            throw ValidationException.of("points", "must be a whole number from 1 to " + MAX_POINTS_PER_REQUEST);
        }
        UserAccount user = users.require(userId);
        if (!user.canWrite()) {
            // The auth filter refuses writes of inactive accounts first; this guards non-HTTP callers too.
            String code = user.status() == UserStatus.BANNED ? ErrorCodes.ACCOUNT_BANNED : ErrorCodes.ACCOUNT_SUSPENDED;
            throw ApiException.forbidden(
                    code, "Your account is " + user.status().value() + "; it cannot place forecasts");
        }
        MarketSnapshot market = markets.lockForForecast(command.marketId(), command.outcomeId());
        double q = Probabilities.of(market.outcomeTotals(), markets.probabilityPrior(), markets.houseFeePercent())
                .get(market.indexOf(command.outcomeId()))
                .probability();
        Optional<ForecastRow> existing = records.lockByUserAndMarket(userId, market.id());
        UUID forecastId;
        int placement;
        if (existing.isPresent()) {
            ForecastRow row = existing.get();
            Forecast forecast =
                    Forecast.existing(row.outcomeId(), row.points(), row.placements(), row.crowdProbability());
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
        Posted posted = ledger.post(Transfer.move(
                        "forecast:" + forecastId + ":" + placement,
                        "forecast",
                        Account.user(userId),
                        Account.pool(market.id()),
                        command.points())
                .withMetadata(Map.of(
                        "market_id",
                        market.id().toString(),
                        "outcome_id",
                        command.outcomeId().toString())));
        markets.recordStake(market.id(), command.outcomeId(), command.points(), existing.isEmpty());
        ForecastRow saved = records.find(forecastId).orElseThrow();
        events.publishEvent(new ForecastPlaced(
                forecastId,
                userId,
                market.id(),
                command.outcomeId(),
                market.category(),
                command.points(),
                saved.points(),
                existing.isPresent(),
                saved.crowdProbability(),
                saved.updatedAt().toInstant()));
        countAfterCommit(existing.isPresent(), command.points());
        return new ForecastPlacement(saved.view(), existing.isEmpty(), posted.balanceOf(userId));
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

    @Transactional(readOnly = true)
    Optional<ForecastRow> positionOf(UUID userId, UUID marketId) {
        return records.findByUserAndMarket(userId, marketId);
    }

    @Transactional
    public int setFlagged(java.util.Collection<UUID> forecastIds, boolean flagged) {
        if (forecastIds.isEmpty()) {
            return 0;
        }
        return records.updateFlagged(forecastIds.toArray(UUID[]::new), flagged);
    }

    @Transactional(readOnly = true)
    public Page<MarketForecast> ofMarket(UUID marketId, PageQuery page) {
        if (markets.refs(Set.of(marketId)).isEmpty()) {
            throw ApiException.notFound("Market");
        }
        Page<MarketForecastRow> rows = records.ofMarket(marketId, page);
        Map<UUID, Forecaster> people = new HashMap<>();
        for (MarketForecastRow row : rows.items()) {
            people.computeIfAbsent(
                    row.userId(),
                    id -> users.find(id)
                            .map(u -> new Forecaster(u.id(), u.displayName(), u.avatarUrl()))
                            .orElse(new Forecaster(id, null, null)));
        }
        return rows.map(row -> new MarketForecast(
                row.id(),
                people.get(row.userId()),
                row.outcomeId(),
                row.points(),
                row.status(),
                row.payout(),
                row.createdAt(),
                row.updatedAt()));
    }
}
