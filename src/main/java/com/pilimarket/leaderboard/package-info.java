/**
 * Leaderboard: weekly, monthly and all-time rankings by skill or profit, per category, recomputed by a
 * job and after each settlement into Redis sorted sets or a table, and served from there.
 */
@ApplicationModule(
        displayName = "Leaderboard",
        allowedDependencies = {"shared", "users", "reputation", "markets"})
package com.pilimarket.leaderboard;

import org.springframework.modulith.ApplicationModule;
