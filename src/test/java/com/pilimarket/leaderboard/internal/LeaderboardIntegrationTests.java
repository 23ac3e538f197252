package com.pilimarket.leaderboard.internal;

import com.pilimarket.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** The scenario with boards in the leaderboard_entries table (no Redis), in a database of its own. */
@IntegrationTest
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=6", "pilimarket.test.board=table"})
class LeaderboardIntegrationTests extends LeaderboardScenario {}
