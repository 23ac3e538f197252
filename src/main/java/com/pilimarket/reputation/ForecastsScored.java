package com.pilimarket.reputation;

import java.time.Instant;
import java.util.UUID;

/**
 * The settled forecasts of a market are in the reputation read model and the forecasters' reputation
 * is up to date: the boards ({@link Reputation#board}) and rankings built from {@link Reputation#ranking} now
 * include them.
 */
public record ForecastsScored(UUID marketId, Instant settledAt) {}
