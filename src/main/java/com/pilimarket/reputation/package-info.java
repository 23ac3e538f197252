/** Reputation: skill points of settled forecasts, and badges. */
@ApplicationModule(displayName = "Reputation")
package com.pilimarket.reputation;

import org.springframework.modulith.ApplicationModule;
