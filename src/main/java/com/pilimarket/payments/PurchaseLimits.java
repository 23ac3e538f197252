package com.pilimarket.payments;

/**
 * What one purchase may be ({@code GET /purchases/limits}): a custom amount between
 * {@code minChips} and {@code maxChips}, and at most {@code dailyLimitChips} bought per user per day
 * (₱1 per chip). The app shows them before the user types an amount the server would refuse.
 */
public record PurchaseLimits(long minChips, long maxChips, long dailyLimitChips) {}
