package com.pilimarket.forecasting;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A forecaster as the public sees them. */
public record Forecaster(
        UUID id,
        String displayName,
        String handle,
        @Nullable String avatarUrl) {}
