package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketCancelled;
import com.pilimarket.markets.MarketResolved;
import com.pilimarket.markets.MarketStatus;
import com.pilimarket.shared.ApiException;
import java.time.Instant;
import java.util.UUID;

/**
 * The lifecycle of a market (PRODUCT.md §3): {@code open → closed → resolved | cancelled},
 * {@code open ↔ suspended}; suspended and closed markets can be resolved or cancelled; resolved and
 * cancelled are final. Each transition refuses an illegal start state with 422 {@code INVALID_STATE}
 * (a second resolution is 409 {@code ALREADY_RESOLVED}). Resolving and cancelling return the event
 * they imply, for the caller to publish with the change.
 */
final class Market {

    static final String MARKET_NOT_OPEN = "MARKET_NOT_OPEN";
    static final String ALREADY_RESOLVED = "ALREADY_RESOLVED";

    private final UUID id;
    private final Instant closesAt;
    private final int forecasterCount;
    private final About about;
    private MarketStatus status;

    /** What the market's events tell their listeners about it. */
    record About(String title, String category, Instant createdAt) {}

    Market(UUID id, MarketStatus status, Instant closesAt, int forecasterCount, About about) {
        this.id = id;
        this.status = status;
        this.closesAt = closesAt;
        this.forecasterCount = forecasterCount;
        this.about = about;
    }

    UUID id() {
        return id;
    }

    MarketStatus status() {
        return status;
    }

    void suspend() {
        require(status == MarketStatus.OPEN, "Only an open market can be suspended");
        status = MarketStatus.SUSPENDED;
    }

    /** Back to open, or straight to closed when its closing time passed while it was suspended. */
    void resume(Instant now) {
        require(status == MarketStatus.SUSPENDED, "Only a suspended market can be resumed");
        status = now.isBefore(closesAt) ? MarketStatus.OPEN : MarketStatus.CLOSED;
    }

    void close() {
        require(
                status == MarketStatus.OPEN || status == MarketStatus.SUSPENDED,
                "Only an open or suspended market can be closed");
        status = MarketStatus.CLOSED;
    }

    /** The scheduled close at {@code closes_at}; true when it changed anything. */
    boolean closeIfDue(Instant now) {
        if (status == MarketStatus.OPEN && !now.isBefore(closesAt)) {
            status = MarketStatus.CLOSED;
            return true;
        }
        return false;
    }

    /** Resolves the market to the resolution's outcome by {@code resolver} at {@code at}. */
    MarketResolved resolve(Resolution resolution, UUID resolver, Instant at) {
        if (status == MarketStatus.RESOLVED) {
            throw ApiException.conflict(ALREADY_RESOLVED, "This market has already been resolved");
        }
        require(!status.isFinal(), "A cancelled market cannot be resolved");
        status = MarketStatus.RESOLVED;
        return new MarketResolved(
                id, resolution.outcomeId(), resolver, about.title(), about.category(), about.createdAt(), at);
    }

    /** Cancels the market (every stake is refunded) by {@code actor} at {@code at}. */
    MarketCancelled cancel(Cancellation cancellation, UUID actor, Instant at) {
        require(!status.isFinal(), "A " + status.value() + " market cannot be cancelled");
        status = MarketStatus.CANCELLED;
        return new MarketCancelled(
                id, cancellation.reason(), actor, about.title(), about.category(), about.createdAt(), at);
    }

    /** Forecasts are taken only while open and before the closing time, even if the close job is late. */
    boolean takesForecasts(Instant now) {
        return status == MarketStatus.OPEN && now.isBefore(closesAt);
    }

    /** {@link #takesForecasts}, or 422 {@code MARKET_NOT_OPEN} saying why not. */
    void requireOpenForForecasts(Instant now) {
        if (status != MarketStatus.OPEN) {
            throw ApiException.unprocessable(
                    MARKET_NOT_OPEN, "This market is " + status.value() + "; forecasts are closed");
        }
        if (!now.isBefore(closesAt)) {
            throw ApiException.unprocessable(MARKET_NOT_OPEN, "This market closed for forecasts at " + closesAt);
        }
    }

    void requireEditable() {
        require(!status.isFinal(), "A " + status.value() + " market cannot be edited");
    }

    /** Outcomes (and a lower stake cap) may change only while nobody has forecast. */
    void requireNoForecasts(String what) {
        if (forecasterCount > 0) {
            throw ApiException.invalidState(what + " cannot change once people have forecast");
        }
    }

    boolean hasForecasts() {
        return forecasterCount > 0;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw ApiException.invalidState(message);
        }
    }
}
