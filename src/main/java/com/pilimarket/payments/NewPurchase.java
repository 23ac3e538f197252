package com.pilimarket.payments;

/**
 * A request to buy chips: exactly one of {@code packageId} or {@code chips}, a provider, an optional
 * Idempotency-Key, and the request's device id, IP and user agent (kept for fraud review).
 */
public record NewPurchase(
        String packageId,
        Long chips,
        String provider,
        String idempotencyKey,
        String deviceId,
        String ip,
        String userAgent) {}
