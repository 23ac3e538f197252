package com.pilimarket.forecasting;

import com.pilimarket.forecasting.internal.ForecastService;
import com.pilimarket.forecasting.internal.MarketForecasts;
import com.pilimarket.forecasting.internal.PlacementBatcher;
import com.pilimarket.forecasting.internal.SettledForecasts;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The forecasting module's API. {@link #place} is the one way to stake chips on an outcome (the
 * HTTP endpoint, the demo-data seeder and tests all use it); it runs in (or joins) one transaction.
 */
@Service
public class Forecasts {

    private final ForecastService service;
    private final PlacementBatcher batcher;
    private final MarketForecasts marketForecasts;
    private final SettledForecasts settledForecasts;

    Forecasts(
            ForecastService service,
            PlacementBatcher batcher,
            MarketForecasts marketForecasts,
            SettledForecasts settledForecasts) {
        this.service = service;
        this.batcher = batcher;
        this.marketForecasts = marketForecasts;
        this.settledForecasts = settledForecasts;
    }

    /**
     * Places a new forecast or tops up the user's forecast on the same outcome. Refusals (nothing
     * changes): 400 {@code VALIDATION_FAILED} (points, outcome_id), 403 (inactive user), 404 (market),
     * 409 {@code OUTCOME_SWITCH_NOT_ALLOWED}, 422 {@code MARKET_NOT_OPEN}, {@code MAX_POINTS_EXCEEDED},
     * {@code INSUFFICIENT_CHIPS}.
     */
    public ForecastPlacement place(UUID userId, PlaceForecast command) {
        if (TransactionSynchronizationManager.isActualTransactionActive() || command.marketId() == null) {
            // Joins the caller's transaction (e.g. with an Idempotency-Key, whose row shares it).
            return service.place(userId, command);
        }
        // On its own: group-committed with other placements on the same market (docs/PERFORMANCE.md).
        return batcher.place(userId, command);
    }

    /**
     * Marks forecasts as flagged (or not) by moderation. Flagged forecasts still settle normally;
     * leaderboards and reputation leave them out. Returns how many changed.
     */
    public int setFlagged(Collection<UUID> forecastIds, boolean flagged) {
        return service.setFlagged(forecastIds, flagged);
    }

    /** Recent forecasts on a market, newest first. */
    public Page<MarketForecast> ofMarket(UUID marketId, PageQuery page) {
        return marketForecasts.ofMarket(marketId, page);
    }

    /**
     * The forecasts of a settled batch, ordered by user id as PostgreSQL orders uuids ({@link
     * com.pilimarket.shared.Uuids#POSTGRES_ORDER}). A user has one forecast per market, so they are
     * distinct users, in the order their rows are locked everywhere. One statement; a batch holds at most
     * settlement's batch size (5,000 by default).
     */
    public List<ForecastSettled> settledIn(SettledBatch batch) {
        return settledForecasts.of(batch);
    }
}
