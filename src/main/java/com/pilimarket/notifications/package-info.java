/**
 * Notifications: per-user notifications (market resolved, badge earned, new market, forecast
 * reminder, reply to a comment), per-type preferences, and the SSE stream fanned out through Redis pub/sub.
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"shared", "markets", "forecasting", "reputation", "comments"})
package com.pilimarket.notifications;

import org.springframework.modulith.ApplicationModule;
