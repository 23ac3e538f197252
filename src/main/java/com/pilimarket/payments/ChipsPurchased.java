package com.pilimarket.payments;

import java.time.Instant;
import java.util.UUID;

/** A verified payment credited {@code chips} to the buyer (published once per purchase, in the crediting transaction). */
public record ChipsPurchased(
        UUID userId, UUID purchaseId, long chips, long amountCents, PaymentProvider provider, Instant completedAt) {}
