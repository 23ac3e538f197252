/**
 * Discovery: the home feed (trending, closing soon, new, watchlist, for you), from a read model of
 * placements fed by forecasting's events and the markets facade.
 */
@ApplicationModule(
        displayName = "Discovery",
        allowedDependencies = {"shared", "markets", "forecasting"})
package com.pilimarket.discovery;

import org.springframework.modulith.ApplicationModule;
