package com.pilimarket.payments.internal;

import com.pilimarket.payments.PaymentProvider;
import java.util.EnumMap;
import java.util.Map;

/** The gateway of each provider: the sandbox for all of them when it is on, else Stripe or PayMongo. */
final class CheckoutGateways {

    private final Map<PaymentProvider, CheckoutGateway> byProvider = new EnumMap<>(PaymentProvider.class);

    CheckoutGateways(PaymentMode mode, StripeGateway stripe, PayMongoGateway paymongo) {
        CheckoutGateway sandbox = new SandboxGateway();
        for (PaymentProvider provider : PaymentProvider.values()) {
            byProvider.put(provider, mode.sandbox() ? sandbox : provider.viaPayMongo() ? paymongo : stripe);
        }
    }

    CheckoutGateway of(PaymentProvider provider) {
        return byProvider.get(provider);
    }
}
