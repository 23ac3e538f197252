package com.pilimarket.markets;

import com.pilimarket.markets.internal.MarketAdministration;
import com.pilimarket.markets.internal.MarketBroadcast;
import com.pilimarket.markets.internal.MarketReads;
import com.pilimarket.markets.internal.MarketStakes;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

/**
 * The markets module's API: what other modules call — the market pages' reads, the live stream,
 * and for forecasting the locks, stakes and settlement marks; for the demo seeder, creating,
 * closing and resolving. The admin console's other commands (edit, suspend, resume, cancel) and the
 * watchlist's writes are the module's own, behind its controllers. Every method runs in (or joins) a
 * transaction; refusals are {@link com.pilimarket.shared.ApiException}s with the codes of
 * docs/MARKETS.md.
 */
@Service
public class Markets {

    private final MarketAdministration administration;
    private final MarketReads reads;
    private final MarketStakes marketStakes;
    private final MarketBroadcast broadcast;

    Markets(MarketAdministration administration, MarketReads reads, MarketStakes stakes, MarketBroadcast broadcast) {
        this.administration = administration;
        this.reads = reads;
        this.marketStakes = stakes;
        this.broadcast = broadcast;
    }

    /** Creates an open market; {@code actorId} is the admin (or null for the system). */
    public MarketDetail create(UUID actorId, NewMarket market) {
        return administration.create(actorId, market);
    }

    public MarketDetail close(UUID actorId, UUID marketId) {
        return administration.close(actorId, marketId);
    }

    /** Resolves the market and publishes {@link MarketResolved}; payouts follow asynchronously. */
    public MarketDetail resolve(UUID actorId, UUID marketId, ResolveMarket resolution) {
        return administration.resolve(actorId, marketId, resolution);
    }

    /** A market by id or slug, with the viewer's position (viewer may be null). */
    public MarketDetail detail(String idOrSlug, UUID viewerId) {
        return reads.detail(idOrSlug, viewerId);
    }

    public Page<MarketSummary> list(MarketQuery query, PageQuery page) {
        return reads.list(query, page);
    }

    /**
     * For seeded demo data only: moves the market's opening ({@code created_at}) to {@code openedAt}
     * and spreads its recorded history points, in order, between then and now, so the chart shows a
     * past that ends at the current odds instead of every point stamped at start-up.
     */
    public void backdateHistory(UUID marketId, OffsetDateTime openedAt) {
        administration.backdateHistory(marketId, openedAt);
    }

    /** The markets on the user's watchlist, the most recently watched first. */
    public Page<MarketSummary> watchlist(UUID userId, PageQuery page) {
        return reads.watchlist(userId, page);
    }

    /**
     * Adds an event of another module to the market's live stream ({@code GET /markets/{id}/stream}),
     * sent after the caller's transaction commits; {@code event} is a lower-case name other than
     * {@code market} (e.g. {@code comment}), {@code data} is evaluated when it is sent.
     */
    public void streamAfterCommit(UUID marketId, String event, Supplier<String> data) {
        broadcast.streamAfterCommit(marketId, event, data);
    }

    public Map<UUID, MarketRef> refs(Collection<UUID> marketIds) {
        return reads.refs(marketIds);
    }

    /** These markets as lists show them, with their outcomes' totals and odds (unknown ids are left out). */
    public Map<UUID, MarketSummary> summaries(Collection<UUID> marketIds) {
        return reads.summaries(marketIds);
    }

    /**
     * Up to {@code limit} open markets near {@code seeds} — the same category, or a word shared with a
     * seed's title — the closest first, leaving out {@code excluded} (the seeds themselves, say).
     */
    public List<MarketSummary> similar(Collection<UUID> seeds, Collection<UUID> excluded, int limit) {
        return reads.similar(seeds, excluded, limit);
    }

    /** The outcomes with these ids (unknown ids are left out). */
    public Map<UUID, OutcomeRef> outcomeRefs(Collection<UUID> outcomeIds) {
        return reads.outcomeRefs(outcomeIds);
    }

    /**
     * For forecast placement: locks the market row for the rest of the caller's transaction and
     * checks that {@code outcomeId} is one of its outcomes (400 {@code VALIDATION_FAILED} on
     * {@code outcome_id}) and that it takes forecasts now (422 {@code MARKET_NOT_OPEN}).
     */
    public MarketSnapshot lockForForecast(UUID marketId, UUID outcomeId) {
        return marketStakes.lockForForecast(marketId, outcomeId);
    }

    /**
     * For placing forecasts on many markets in one transaction: locks the market rows for the rest of
     * the caller's transaction, in PostgreSQL's order, and returns those that take forecasts now, by id.
     * The others (unknown, or not taking forecasts) are left out and nothing is thrown: then
     * {@link #lockForForecast} tells each placement why. The caller checks each placement's outcome
     * against {@link MarketSnapshot#outcomeIds()}.
     */
    public Map<UUID, MarketSnapshot> lockAllIfTakingForecasts(Collection<UUID> marketIds) {
        return marketStakes.lockAllIfTakingForecasts(marketIds);
    }

    /**
     * For forecast placement, in the same transaction as the market locks: adds the stakes, market by
     * market in the given order, to the totals, records a history point after each and broadcasts the
     * new odds after commit. A few statements whatever the number of markets. {@code locked} holds the
     * snapshot of each market as {@link #lockForForecast} or {@link #lockAllIfTakingForecasts} returned
     * it in this transaction: under the lock its totals are still the market's, so they are not read
     * again.
     */
    public void recordStakes(Map<UUID, MarketSnapshot> locked, Map<UUID, List<Stake>> stakesByMarket) {
        marketStakes.recordStakes(locked, stakesByMarket);
    }

    /** For settlement: locks the market row and returns it (its status must be final to settle). */
    public MarketSnapshot lockForSettlement(UUID marketId) {
        return marketStakes.lockForSettlement(marketId);
    }

    /**
     * For settlement: the house fee in percent fixed when the market was resolved, so that every
     * run of its settlement (a retry after a configuration change too) computes the same plan.
     */
    public BigDecimal settlementFeePercent(UUID marketId) {
        return marketStakes.settlementFeePercent(marketId);
    }

    /** For settlement: marks the pool as fully paid out; true only the first time. */
    public boolean markSettled(UUID marketId) {
        return marketStakes.markSettled(marketId);
    }

    /** The prior {@code I} of the displayed probability ({@code pilimarket.chips.probability-prior}). */
    public long probabilityPrior() {
        return marketStakes.prior();
    }

    /** The house fee on payouts in percent ({@code pilimarket.chips.house-fee-percent}). */
    public BigDecimal houseFeePercent() {
        return marketStakes.feePercent();
    }
}
