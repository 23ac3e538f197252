package com.pilimarket.payments;

import io.swagger.v3.oas.annotations.media.Schema;

/** A chip package on sale ({@code GET /purchases/packages}); ₱1 per chip, so amount_cents = chips × 100. */
public record ChipPackage(
        String id,
        long chips,
        long amountCents,
        @Schema(allowableValues = "PHP") String currency) {}
