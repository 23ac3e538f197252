package com.pilimarket.payments;

import java.time.OffsetDateTime;
import java.util.UUID;

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
        String currency,
        String packageId,
        String clientSecret,
        String checkoutUrl,
        String failureReason,
        long chipsReversed,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt) {}
