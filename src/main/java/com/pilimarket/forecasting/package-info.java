/** Forecasting: forecasts, placement, and settlement and payouts when a market is resolved or cancelled. */
@ApplicationModule(
        displayName = "Forecasting",
        allowedDependencies = {"shared", "users", "ledger", "markets"})
package com.pilimarket.forecasting;

import org.springframework.modulith.ApplicationModule;
