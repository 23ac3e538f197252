package com.pilimarket.payments.internal;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Stripe PaymentIntents. The purchase id is the idempotency key, so a retried call can never
 * create a second intent (and a second charge) for one purchase.
 */
class StripeGateway implements CheckoutGateway {

    private static final Logger log = LoggerFactory.getLogger(StripeGateway.class);

    private final StripeClient client;

    StripeGateway(StripeClient client) {
        this.client = client;
    }

    /** A PaymentIntent: its id and the client secret the browser confirms it with. */
    @Override
    public Checkout start(Purchase purchase) {
        if (client == null) {
            throw PaymentProviderException.notConfigured("Card");
        }
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(purchase.amountCents())
                .setCurrency("php")
                .addPaymentMethodType("card")
                .setDescription(purchase.chips() + " Pilimarket chips")
                .putMetadata("purchase_id", purchase.id().toString())
                .putMetadata("user_id", purchase.userId().toString())
                .build();
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(purchase.id().toString())
                .build();
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params, options);
            return new Checkout(intent.getId(), null, intent.getClientSecret(), null);
        } catch (StripeException | RuntimeException e) {
            log.error("Stripe refused a PaymentIntent for purchase {}: {}", purchase.id(), e.getMessage());
            throw PaymentProviderException.failed("Stripe");
        }
    }
}
