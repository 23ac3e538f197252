package com.pilimarket.reputation;

import java.time.Instant;
import java.util.UUID;

/**
 * The settled forecasts of a market are in the reputation read model and the forecasters' reputation,
 * skill points and badges are up to date: rankings built from {@link Reputation#ranking} include them.
 * The boards ({@link Reputation#board}) do not yet: the reputation module adds them in its own step
 * after this event and publishes {@link BoardsUpdated} when they are on the boards.
 */
public record ForecastsScored(UUID marketId, Instant settledAt) {}
