/** Leaderboard: periodic leaderboards, a read model recomputed by a job. */
@ApplicationModule(displayName = "Leaderboard")
package com.pilimarket.leaderboard;

import org.springframework.modulith.ApplicationModule;
