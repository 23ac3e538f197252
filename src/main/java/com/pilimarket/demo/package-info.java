/** Demo: seeds demo users, markets and forecasts on an empty database, through the same facades as the API. */
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"shared", "users", "auth", "markets", "forecasting"})
package com.pilimarket.demo;

import org.springframework.modulith.ApplicationModule;
