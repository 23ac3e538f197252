/** Activity: the public activity feed, a read model of past events. */
@ApplicationModule(
        displayName = "Activity",
        allowedDependencies = {"shared", "users", "markets", "forecasting", "reputation"})
package com.pilimarket.activity;

import org.springframework.modulith.ApplicationModule;
