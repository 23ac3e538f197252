package com.pilimarket.payments.internal;

import com.pilimarket.payments.ChipPackage;
import com.pilimarket.payments.NewPurchase;
import com.pilimarket.payments.PaymentProvider;
import com.pilimarket.payments.Payments;
import com.pilimarket.payments.PurchaseLimits;
import com.pilimarket.payments.PurchaseView;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/purchases")
@Tag(name = "Purchases", description = "Buying chips with card (Stripe), GCash or Maya")
class PurchaseController {

    private final Payments payments;

    PurchaseController(Payments payments) {
        this.payments = payments;
    }

    /** {@code package_id} or {@code chips}, exactly one. */
    record PurchaseRequest(
            @Nullable String packageId,
            @Nullable Long chips,
            @Schema(implementation = PaymentProvider.class) String provider) {}

    @GetMapping("/packages")
    @Operation(summary = "Chip packages on sale (public)")
    ApiResponse<List<ChipPackage>> packages() {
        return ApiResponse.ok(payments.packages());
    }

    @GetMapping("/limits")
    @Operation(summary = "The custom amount's bounds and the daily limit per user, in chips (public)")
    ApiResponse<PurchaseLimits> limits() {
        return ApiResponse.ok(payments.limits());
    }

    @SignedIn
    @ErrorAnswer(status = 409, value = "IDEMPOTENCY_KEY_REUSED: the key came with a different purchase")
    @ErrorAnswer(status = 422, value = "DAILY_LIMIT_EXCEEDED: over the daily purchase limit")
    @PostMapping
    @Operation(
            summary = "Start a purchase",
            description = "Returns a pending purchase with a Stripe client_secret or a checkout_url. "
                    + "Chips are credited when the provider confirms the payment by webhook.")
    ResponseEntity<ApiResponse<PurchaseView>> start(
            @RequestBody PurchaseRequest body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(value = "X-Device-Id", required = false) String deviceId,
            @RequestHeader(value = HttpHeaders.USER_AGENT, required = false) String userAgent,
            HttpServletRequest request) {
        UUID userId = Callers.requireUserId();
        // TODO(idempotency): once com.pilimarket.shared.idempotency lands, decide whether it wraps this
        // endpoint; until then the key is enforced here by the unique (user_id, idempotency_key) on purchases.
        PurchaseView purchase = payments.start(
                userId,
                new NewPurchase(
                        body.packageId(),
                        body.chips(),
                        body.provider(),
                        idempotencyKey,
                        deviceId,
                        request.getRemoteAddr(),
                        userAgent));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(purchase));
    }

    @SignedIn
    @GetMapping
    @Operation(summary = "The caller's purchases, newest first")
    ApiResponse<List<PurchaseView>> list(
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
        UUID userId = Callers.requireUserId();
        return ApiResponse.page(payments.history(userId, PageQuery.of(page, limit)));
    }

    @SignedIn
    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's purchases")
    ApiResponse<PurchaseView> one(@PathVariable UUID id) {
        UUID userId = Callers.requireUserId();
        return ApiResponse.ok(payments.find(userId, id));
    }
}
