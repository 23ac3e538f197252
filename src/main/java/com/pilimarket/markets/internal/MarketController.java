package com.pilimarket.markets.internal;

import com.pilimarket.markets.HistoryPoint;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketQuery;
import com.pilimarket.markets.MarketSummary;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Public market pages: lists, detail, probability history, the live stream, and the caller's watchlist. */
@RestController
@RequestMapping("/api/v1/markets")
@Tag(name = "Markets")
class MarketController {

    private final MarketReads markets;
    private final MarketWatchlist watchlist;
    private final MarketBroadcast broadcast;
    private final MarketStream stream;

    MarketController(MarketReads markets, MarketWatchlist watchlist, MarketBroadcast broadcast, MarketStream stream) {
        this.markets = markets;
        this.watchlist = watchlist;
        this.broadcast = broadcast;
        this.stream = stream;
    }

    /** Watchlist state of one market for the caller. */
    record Watching(UUID marketId, boolean watching) {}

    @GetMapping
    @Operation(
            summary =
                    "List markets (filter by category, status, text; sort by created_at, volume, closes_at, forecasters)")
    ApiResponse<List<MarketSummary>> list(
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(
                markets.list(new MarketQuery(category, status, q, sort, order), PageQuery.of(page, limit)));
    }

    @GetMapping("/{idOrSlug}")
    @Operation(summary = "A market by id or slug, with its resolution and the caller's forecast")
    ApiResponse<MarketDetail> detail(@PathVariable String idOrSlug) {
        return ApiResponse.ok(markets.detail(idOrSlug, Callers.currentUserId().orElse(null)));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Displayed probabilities over time (range 1h, 24h, 7d, 30d or all; at most ~200 points)")
    ApiResponse<List<HistoryPoint>> history(@PathVariable UUID id, @RequestParam(required = false) String range) {
        return ApiResponse.ok(markets.history(id, range));
    }

    @GetMapping("/{id}/related")
    @Operation(
            summary =
                    "Open markets related to this one: the same category or words shared with its title, the closest first (limit 1–20, default 6)")
    ApiResponse<List<MarketSummary>> relatedMarkets(
            @PathVariable UUID id, @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 6 : limit;
        if (n < 1 || n > 20) {
            throw ValidationException.of("limit", "must be between 1 and 20");
        }
        return ApiResponse.ok(markets.related(id, n));
    }

    @SignedIn
    @PostMapping("/{id}/watch")
    @Operation(summary = "Add the market to the caller's watchlist (idempotent)")
    ApiResponse<Watching> watch(@PathVariable UUID id) {
        watchlist.watch(Callers.requireUserId(), id);
        return ApiResponse.ok(new Watching(id, true));
    }

    @SignedIn
    @DeleteMapping("/{id}/watch")
    @Operation(summary = "Remove the market from the caller's watchlist (idempotent)")
    ApiResponse<Watching> unwatch(@PathVariable UUID id) {
        watchlist.unwatch(Callers.requireUserId(), id);
        return ApiResponse.ok(new Watching(id, false));
    }

    @GetMapping(path = "/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent `market` events with fresh outcome totals and probabilities")
    SseEmitter stream(@PathVariable UUID id, HttpServletRequest request) {
        String state = broadcast.state(id);
        return stream.subscribe(id, request.getRemoteAddr(), state);
    }
}
