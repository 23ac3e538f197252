package com.pilimarket.payments.internal;

/**
 * Starts the payment of a pending purchase with one provider: what the buyer completes (a Stripe
 * intent the browser confirms, a PayMongo or sandbox checkout page). {@link CheckoutGateways} picks
 * the gateway for a purchase's provider.
 */
interface CheckoutGateway {

    /** Starts the checkout; throws {@link PaymentProviderException} when the provider refuses or is not set up. */
    Checkout start(Purchase purchase);

    /**
     * What a started checkout attaches to the purchase: the provider's id for it, the PaymentIntent id
     * later events may name instead, the secret the browser confirms a card with, and the page to send
     * the buyer to (each may be null where the provider has none).
     */
    record Checkout(String providerTxId, String providerIntentId, String clientSecret, String checkoutUrl) {}
}
