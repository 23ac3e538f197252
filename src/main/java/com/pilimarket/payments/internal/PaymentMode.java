package com.pilimarket.payments.internal;

/**
 * The resolved payment settings: whether the sandbox gateway is on and the webhook secrets in force
 * (configured, or generated for development when the sandbox is on). A blank secret refuses every event.
 */
public record PaymentMode(boolean sandbox, String stripeWebhookSecret, String paymongoWebhookSecret) {}
