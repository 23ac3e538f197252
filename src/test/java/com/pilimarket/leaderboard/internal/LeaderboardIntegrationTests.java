package com.pilimarket.leaderboard.internal;

import com.pilimarket.support.IntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** The scenario, in a database of its own. */
@IntegrationTest
@TestPropertySource(
        properties = {"spring.datasource.hikari.maximum-pool-size=6", "pilimarket.test.context=leaderboard"})
class LeaderboardIntegrationTests extends LeaderboardScenario {}
