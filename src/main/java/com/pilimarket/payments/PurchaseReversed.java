package com.pilimarket.payments;

import java.util.UUID;

/**
 * A refund or chargeback took a completed purchase back: {@code chipsReversed} were debited, and
 * {@code debt} chips could not be (the buyer had spent them). {@code reason} is refunded or disputed.
 */
public record PurchaseReversed(UUID userId, UUID purchaseId, long chipsReversed, long debt, PurchaseStatus reason) {}
