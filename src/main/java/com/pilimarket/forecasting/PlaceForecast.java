package com.pilimarket.forecasting;

import java.util.UUID;

/** A user's request to stake {@code points} chips on an outcome (a top-up if they already back it). */
public record PlaceForecast(UUID marketId, UUID outcomeId, long points) {}
