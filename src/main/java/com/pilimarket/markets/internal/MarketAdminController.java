package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketEdit;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Market management for admins: create, edit, suspend, resume, close, resolve, cancel. */
@RestController
@RequestMapping("/api/v1/admin/markets")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: markets")
class MarketAdminController {

    private final Markets markets;

    MarketAdminController(Markets markets) {
        this.markets = markets;
    }

    /** Body of a cancellation. */
    record CancelRequest(String reason) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a market with 2–20 outcomes")
    ApiResponse<MarketDetail> create(@RequestBody NewMarket request) {
        return ApiResponse.ok(markets.create(Callers.requireUserId(), request));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Edit a market's text and times; outcomes only while nobody has forecast")
    ApiResponse<MarketDetail> edit(@PathVariable UUID id, @RequestBody MarketEdit request) {
        return ApiResponse.ok(markets.edit(Callers.requireUserId(), id, request));
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend an open market (no forecasts while suspended)")
    ApiResponse<MarketDetail> suspend(@PathVariable UUID id) {
        return ApiResponse.ok(markets.suspend(Callers.requireUserId(), id));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a suspended market")
    ApiResponse<MarketDetail> resume(@PathVariable UUID id) {
        return ApiResponse.ok(markets.resume(Callers.requireUserId(), id));
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a market for forecasts before its closing time")
    ApiResponse<MarketDetail> close(@PathVariable UUID id) {
        return ApiResponse.ok(markets.close(Callers.requireUserId(), id));
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "Resolve a market to one outcome with evidence; payouts follow")
    ApiResponse<MarketDetail> resolve(@PathVariable UUID id, @RequestBody ResolveMarket request) {
        return ApiResponse.ok(markets.resolve(Callers.requireUserId(), id, request));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a market; every stake is refunded")
    ApiResponse<MarketDetail> cancel(@PathVariable UUID id, @RequestBody CancelRequest request) {
        return ApiResponse.ok(markets.cancel(Callers.requireUserId(), id, request.reason()));
    }
}
