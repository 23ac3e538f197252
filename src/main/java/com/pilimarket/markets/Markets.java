package com.pilimarket.markets;

import com.pilimarket.markets.internal.MarketService;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The markets module's API: create and manage markets (admin), browse them, and — for the
 * forecasting module — lock a market for a placement and record stakes. Every method runs in (or
 * joins) a transaction; none needs HTTP, so seeders and jobs can call them directly. Refusals are
 * {@link com.pilimarket.shared.ApiException}s with the codes of docs/MARKETS.md.
 */
@Service
public class Markets {

    private final MarketService service;

    Markets(MarketService service) {
        this.service = service;
    }

    /** Creates an open market; {@code actorId} is the admin (or null for the system). */
    public MarketDetail create(UUID actorId, NewMarket market) {
        return service.create(actorId, market);
    }

    public MarketDetail edit(UUID actorId, UUID marketId, MarketEdit edit) {
        return service.edit(actorId, marketId, edit);
    }

    public MarketDetail suspend(UUID actorId, UUID marketId) {
        return service.suspend(actorId, marketId);
    }

    public MarketDetail resume(UUID actorId, UUID marketId) {
        return service.resume(actorId, marketId);
    }

    public MarketDetail close(UUID actorId, UUID marketId) {
        return service.close(actorId, marketId);
    }

    /** Resolves the market and publishes {@link MarketResolved}; payouts follow asynchronously. */
    public MarketDetail resolve(UUID actorId, UUID marketId, ResolveMarket resolution) {
        return service.resolve(actorId, marketId, resolution);
    }

    /** Cancels the market and publishes {@link MarketCancelled}; refunds follow asynchronously. */
    public MarketDetail cancel(UUID actorId, UUID marketId, String reason) {
        return service.cancel(actorId, marketId, reason);
    }

    /** Closes every open market whose closing time has passed; returns how many. */
    public int closeDue() {
        return service.closeDue();
    }

    /** A market by id or slug, with the viewer's position (viewer may be null). */
    public MarketDetail detail(String idOrSlug, UUID viewerId) {
        return service.detail(idOrSlug, viewerId);
    }

    public Page<MarketSummary> list(MarketQuery query, PageQuery page) {
        return service.list(query, page);
    }

    /** Probability history; {@code range} is {@code 1h}, {@code 24h}, {@code 7d}, {@code 30d} or {@code all} (null). */
    public List<HistoryPoint> history(UUID marketId, String range) {
        return service.history(marketId, range);
    }

    /**
     * For seeded demo data only: moves the market's opening ({@code created_at}) to {@code openedAt}
     * and spreads its recorded history points, in order, between then and now, so the chart shows a
     * past that ends at the current odds instead of every point stamped at start-up.
     */
    public void backdateHistory(UUID marketId, OffsetDateTime openedAt) {
        service.backdateHistory(marketId, openedAt);
    }

    public void watch(UUID userId, UUID marketId) {
        service.watch(userId, marketId);
    }

    public void unwatch(UUID userId, UUID marketId) {
        service.unwatch(userId, marketId);
    }

    /** The markets on the user's watchlist, the most recently watched first. */
    public Page<MarketSummary> watchlist(UUID userId, PageQuery page) {
        return service.watchlist(userId, page);
    }

    public boolean isWatching(UUID userId, UUID marketId) {
        return service.isWatching(userId, marketId);
    }

    /**
     * Adds an event of another module to the market's live stream ({@code GET /markets/{id}/stream}),
     * sent after the caller's transaction commits; {@code event} is a lower-case name other than
     * {@code market} (e.g. {@code comment}), {@code data} is evaluated when it is sent.
     */
    public void streamAfterCommit(UUID marketId, String event, Supplier<String> data) {
        service.streamAfterCommit(marketId, event, data);
    }

    public Map<UUID, MarketRef> refs(Collection<UUID> marketIds) {
        return service.refs(marketIds);
    }

    /** These markets as lists show them, with their outcomes' totals and odds (unknown ids are left out). */
    public Map<UUID, MarketSummary> summaries(Collection<UUID> marketIds) {
        return service.summaries(marketIds);
    }

    /**
     * Up to {@code limit} open markets near {@code seeds} — the same category, or a word shared with a
     * seed's title — the closest first, leaving out {@code excluded} (the seeds themselves, say).
     */
    public List<MarketSummary> similar(Collection<UUID> seeds, Collection<UUID> excluded, int limit) {
        return service.similar(seeds, excluded, limit);
    }

    /** The outcomes with these ids (unknown ids are left out). */
    public Map<UUID, OutcomeRef> outcomeRefs(Collection<UUID> outcomeIds) {
        return service.outcomeRefs(outcomeIds);
    }

    /**
     * For forecast placement: locks the market row for the rest of the caller's transaction and
     * checks that {@code outcomeId} is one of its outcomes (400 {@code VALIDATION_FAILED} on
     * {@code outcome_id}) and that it takes forecasts now (422 {@code MARKET_NOT_OPEN}).
     */
    public MarketSnapshot lockForForecast(UUID marketId, UUID outcomeId) {
        return service.lockForForecast(marketId, outcomeId);
    }

    /**
     * For placing a batch of forecasts on one market: locks the market row for the rest of the
     * caller's transaction if the market takes forecasts now; empty if it is unknown or does not
     * (then {@link #lockForForecast} tells each placement why). The caller checks each placement's
     * outcome against {@link MarketSnapshot#outcomeIds()}.
     */
    public Optional<MarketSnapshot> lockIfTakingForecasts(UUID marketId) {
        return service.lockIfTakingForecasts(marketId);
    }

    /**
     * For forecast placement, in the same transaction as {@link #lockForForecast}: adds the stakes,
     * in order, to the totals, records a history point after each and broadcasts the new odds after
     * commit.
     */
    public void recordStakes(UUID marketId, List<Stake> stakes) {
        service.recordStakes(marketId, stakes);
    }

    /**
     * For placements of many markets in one transaction: locks their rows up front, in PostgreSQL's
     * order, so that the transaction takes every market lock before any user's (the one lock order:
     * markets by id, then users by id).
     */
    public void lockAll(Collection<UUID> marketIds) {
        service.lockAll(marketIds);
    }

    /** For settlement: locks the market row and returns it (its status must be final to settle). */
    public MarketSnapshot lockForSettlement(UUID marketId) {
        return service.lockForSettlement(marketId);
    }

    /**
     * For settlement: the house fee in percent fixed when the market was resolved, so that every
     * run of its settlement (a retry after a configuration change too) computes the same plan.
     */
    public BigDecimal settlementFeePercent(UUID marketId) {
        return service.settlementFeePercent(marketId);
    }

    /** For settlement: marks the pool as fully paid out; true only the first time. */
    public boolean markSettled(UUID marketId) {
        return service.markSettled(marketId);
    }

    /** The prior {@code I} of the displayed probability ({@code pilimarket.chips.probability-prior}). */
    public long probabilityPrior() {
        return service.prior();
    }

    /** The house fee on payouts in percent ({@code pilimarket.chips.house-fee-percent}). */
    public BigDecimal houseFeePercent() {
        return service.feePercent();
    }
}
