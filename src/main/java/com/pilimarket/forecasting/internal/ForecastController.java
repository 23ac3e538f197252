package com.pilimarket.forecasting.internal;

import com.pilimarket.forecasting.ForecastPlacement;
import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.MarketForecast;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.shared.idempotency.IdempotentRequests;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Placing forecasts, and the list of forecasts on a market. */
@RestController
@Tag(name = "Forecasts")
class ForecastController {

    private final Forecasts forecasts;
    private final IdempotentRequests idempotency;
    private final PlacementBatcher batcher;

    ForecastController(Forecasts forecasts, IdempotentRequests idempotency, PlacementBatcher batcher) {
        this.forecasts = forecasts;
        this.idempotency = idempotency;
        this.batcher = batcher;
    }

    /**
     * The body of {@code POST /forecasts}. Points arrive as a decimal so that 1.5 or 1e30 is refused
     * as such instead of being silently truncated or overflowing.
     */
    record PlaceForecastRequest(UUID marketId, UUID outcomeId, BigDecimal points) {

        PlaceForecast toCommand() {
            List<ApiError> errors = new ArrayList<>();
            if (marketId == null) {
                errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "market_id", "is required"));
            }
            if (outcomeId == null) {
                errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "outcome_id", "is required"));
            }
            long whole = 0;
            if (points == null) {
                errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "points", "is required"));
            } else if (points.signum() <= 0
                    || points.stripTrailingZeros().scale() > 0
                    || points.compareTo(BigDecimal.valueOf(ForecastService.MAX_POINTS_PER_REQUEST)) > 0) {
                errors.add(new ApiError(
                        ErrorCodes.VALIDATION_FAILED,
                        "points",
                        "must be a whole number from 1 to " + ForecastService.MAX_POINTS_PER_REQUEST));
            } else {
                whole = points.longValueExact();
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new PlaceForecast(marketId, outcomeId, whole);
        }
    }

    /** What {@code POST /forecasts} answers: the forecast and the caller's new balance. */
    record PlacedForecast(
            UUID id,
            UUID marketId,
            UUID outcomeId,
            long points,

            @Schema(allowableValues = {"pending", "won", "lost", "refunded"})
            String status,

            double crowdProbability,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long chips) {

        static PlacedForecast of(ForecastPlacement placement) {
            var f = placement.forecast();
            return new PlacedForecast(
                    f.id(),
                    f.marketId(),
                    f.outcomeId(),
                    f.points(),
                    f.status(),
                    f.crowdProbability(),
                    f.createdAt(),
                    f.updatedAt(),
                    placement.chips());
        }
    }

    @SignedIn
    @ErrorAnswer(
            status = 409,
            value =
                    "OUTCOME_SWITCH_NOT_ALLOWED: the caller backs another outcome here; IDEMPOTENCY_KEY_REUSED: the key came with a different body; CONFLICT: a request with this key is in progress")
    @ErrorAnswer(status = 422, value = "INSUFFICIENT_CHIPS; MARKET_NOT_OPEN; MAX_POINTS_EXCEEDED")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "A new forecast",
            useReturnTypeSchema = true)
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "A top-up of the caller's forecast on the same outcome (or the replay of an answer)",
            useReturnTypeSchema = true)
    @PostMapping("/api/v1/forecasts")
    @Operation(summary = "Stake chips on an outcome: 201 for a new forecast, 200 for a top-up; honours Idempotency-Key")
    ResponseEntity<ApiResponse<PlacedForecast>> place(
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
            @RequestBody PlaceForecastRequest request) {
        UUID userId = Callers.requireUserId();
        PlaceForecast command = request.toCommand();
        Supplier<ResponseEntity<?>> action = () -> response(forecasts.place(userId, command));
        if (idempotencyKey == null) {
            // No key to store: outside any transaction, so the placement can be group-committed.
            return placed(action.get());
        }
        if (command.marketId() == null) {
            // Refused anyway (400 on market_id); nothing to group.
            return placed(idempotency.execute(userId, PlacementBatcher.SCOPE, idempotencyKey, command, action));
        }
        // Group-committed too: the key is claimed and its response stored in the batch's transaction.
        return placed(batcher.placeIdempotently(userId, command, idempotencyKey, ForecastController::response));
    }

    /**
     * The answer typed as what it is for the OpenAPI document: built by {@link #response}, or the
     * replay of one it built earlier.
     */
    @SuppressWarnings("unchecked")
    private static ResponseEntity<ApiResponse<PlacedForecast>> placed(ResponseEntity<?> answer) {
        return (ResponseEntity<ApiResponse<PlacedForecast>>) answer;
    }

    /** 201 with the new forecast, or 200 for a top-up; the caller's chips after it. */
    private static ResponseEntity<?> response(ForecastPlacement placement) {
        return ResponseEntity.status(placement.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.ok(PlacedForecast.of(placement)));
    }

    @GetMapping("/api/v1/markets/{id}/forecasts")
    @Operation(summary = "Recent forecasts on a market, newest first")
    ApiResponse<List<MarketForecast>> ofMarket(
            @PathVariable UUID id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer limit) {
        return ApiResponse.page(forecasts.ofMarket(id, PageQuery.of(page, limit)));
    }
}
