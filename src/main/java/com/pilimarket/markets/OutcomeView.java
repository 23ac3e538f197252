package com.pilimarket.markets;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An outcome as the API shows it: its stake total, displayed probability, pool share and payout per
 * chip; {@code nameFil} is its optional Filipino name.
 */
public record OutcomeView(
        UUID id,
        String name,
        long totalPoints,
        double probability,
        double poolShare,
        @Nullable Double payoutPerChip,
        @Nullable String nameFil) {}
