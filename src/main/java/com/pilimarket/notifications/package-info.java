/**
 * Notifications: per-user notifications (market resolved, badge earned, new market, forecast
 * reminder, reply to a comment, referral bonus), per-type preferences, the SSE stream fanned out through Redis pub/sub,
 * and notification emails (instant or a weekly digest, to verified addresses, with one-click unsubscribe).
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "shared",
            "markets",
            "forecasting",
            "reputation",
            "comments",
            "users",
            "mail",
            "referrals"
        })
package com.pilimarket.notifications;

import org.springframework.modulith.ApplicationModule;
