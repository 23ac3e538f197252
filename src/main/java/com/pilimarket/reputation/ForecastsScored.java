package com.pilimarket.reputation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The settled forecasts of a market are in the reputation read model and the forecasters' reputation
 * is up to date: rankings built from {@link Reputation#ranking} now include them.
 */
public record ForecastsScored(UUID marketId, List<UUID> userIds, Instant settledAt) {}
