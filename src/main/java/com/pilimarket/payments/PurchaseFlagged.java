package com.pilimarket.payments;

import java.util.Map;
import java.util.UUID;

/**
 * A fraud rule fired on a purchase ({@code velocity}, {@code amount_mismatch}, {@code daily_limit}).
 * {@code purchaseId} is null when the attempt was refused before a purchase existed.
 */
public record PurchaseFlagged(UUID userId, UUID purchaseId, String rule, Map<String, Object> evidence) {}
