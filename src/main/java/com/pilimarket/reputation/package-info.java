/**
 * Reputation: skill points of settled forecasts, reputation, profile stats and badges. Keeps its own
 * read model of forecasts (from ForecastsPlaced and SettledBatch); the leaderboard ranks from it.
 */
@ApplicationModule(
        displayName = "Reputation",
        allowedDependencies = {"shared", "users", "forecasting", "markets"})
package com.pilimarket.reputation;

import org.springframework.modulith.ApplicationModule;
