package com.pilimarket.markets.internal;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketEdit;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.web.ErrorAnswer;
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

    private final MarketAdministration markets;

    MarketAdminController(MarketAdministration markets) {
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

    @ErrorAnswer(
            status = 422,
            value =
                    "INVALID_STATE: the market is resolved or cancelled, or its outcomes or closing time can no longer change")
    @PatchMapping("/{id}")
    @Operation(summary = "Edit a market's text and times; outcomes only while nobody has forecast")
    ApiResponse<MarketDetail> edit(@PathVariable UUID id, @RequestBody MarketEdit request) {
        return ApiResponse.ok(markets.edit(Callers.requireUserId(), id, request));
    }

    @ErrorAnswer(status = 422, value = "INVALID_STATE: not allowed from the market's current status")
    @PostMapping("/{id}/suspend")
    @Operation(summary = "Suspend an open market (no forecasts while suspended)")
    ApiResponse<MarketDetail> suspend(@PathVariable UUID id) {
        return ApiResponse.ok(markets.suspend(Callers.requireUserId(), id));
    }

    @ErrorAnswer(status = 422, value = "INVALID_STATE: not allowed from the market's current status")
    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a suspended market")
    ApiResponse<MarketDetail> resume(@PathVariable UUID id) {
        return ApiResponse.ok(markets.resume(Callers.requireUserId(), id));
    }

    @ErrorAnswer(status = 422, value = "INVALID_STATE: not allowed from the market's current status")
    @PostMapping("/{id}/close")
    @Operation(summary = "Close a market for forecasts before its closing time")
    ApiResponse<MarketDetail> close(@PathVariable UUID id) {
        return ApiResponse.ok(markets.close(Callers.requireUserId(), id));
    }

    @ErrorAnswer(status = 409, value = "ALREADY_RESOLVED")
    @ErrorAnswer(
            status = 422,
            value = "INVALID_STATE: the market is cancelled; RESOLVER_HAS_POSITION: the caller holds a forecast in it")
    @PostMapping("/{id}/resolve")
    @Operation(summary = "Resolve a market to one outcome with evidence; payouts follow")
    ApiResponse<MarketDetail> resolve(@PathVariable UUID id, @RequestBody ResolveMarket request) {
        return ApiResponse.ok(markets.resolve(Callers.requireUserId(), id, request));
    }

    @ErrorAnswer(status = 422, value = "INVALID_STATE: the market is already resolved or cancelled")
    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a market; every stake is refunded")
    ApiResponse<MarketDetail> cancel(@PathVariable UUID id, @RequestBody CancelRequest request) {
        return ApiResponse.ok(markets.cancel(Callers.requireUserId(), id, request.reason()));
    }
}
