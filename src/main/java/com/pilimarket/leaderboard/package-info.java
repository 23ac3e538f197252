/**
 * Leaderboard: weekly, monthly and all-time rankings by skill or profit, per category, served from the
 * reputation module's board totals (kept up to date as settlements are scored; rebuilt hourly as a repair).
 */
@ApplicationModule(
        displayName = "Leaderboard",
        allowedDependencies = {"shared", "users", "reputation", "markets"})
package com.pilimarket.leaderboard;

import org.springframework.modulith.ApplicationModule;
