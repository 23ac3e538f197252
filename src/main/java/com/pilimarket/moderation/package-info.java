/**
 * Moderation: fraud rules (hourly scan, registration and purchase time), reported comments, the flags review queue,
 * and the operator overview and invariant check of the admin console.
 */
@ApplicationModule(
        displayName = "Moderation",
        allowedDependencies = {
            "shared",
            "users",
            "audit",
            "ledger",
            "forecasting",
            "payments",
            "comments",
            "referrals",
            "markets"
        })
package com.pilimarket.moderation;

import org.springframework.modulith.ApplicationModule;
