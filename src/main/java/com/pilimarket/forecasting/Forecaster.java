package com.pilimarket.forecasting;

import java.util.UUID;

/** A forecaster as the public sees them. */
public record Forecaster(UUID id, String displayName, String avatarUrl) {}
