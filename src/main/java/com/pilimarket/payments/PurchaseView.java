package com.pilimarket.payments;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A purchase as its buyer sees it. {@code clientSecret} is set for Stripe (confirm the PaymentIntent
 * in the browser), {@code checkoutUrl} for PayMongo and the sandbox (send the browser there).
 */
public record PurchaseView(
        UUID id,
        PurchaseStatus status,
        PaymentProvider provider,
        long chips,
        long amountCents,
        @Schema(allowableValues = "PHP") String currency,
        @Nullable String packageId,
        @Nullable String clientSecret,
        @Nullable String checkoutUrl,
        @Nullable String failureReason,
        long chipsReversed,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime completedAt) {}
