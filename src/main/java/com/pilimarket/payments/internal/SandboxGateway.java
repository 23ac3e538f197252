package com.pilimarket.payments.internal;

/** The development gateway: every provider's checkout is the app's own {@code /sandbox/checkout} page. */
final class SandboxGateway implements CheckoutGateway {

    @Override
    public Checkout start(Purchase purchase) {
        String compact = purchase.id().toString().replace("-", "");
        // The ids look like the real provider's, so the webhook code paths are the same.
        String providerTx = purchase.provider().viaPayMongo() ? "cs_sandbox_" + compact : "pi_sandbox_" + compact;
        return new Checkout(providerTx, null, null, "/sandbox/checkout/" + purchase.id());
    }
}
