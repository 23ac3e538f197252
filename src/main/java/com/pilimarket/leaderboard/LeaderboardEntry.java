package com.pilimarket.leaderboard;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of a leaderboard; {@code accuracy} = won / forecasts settled in the window. */
public record LeaderboardEntry(int rank, LeaderboardUser user, double score, int forecasts, double accuracy) {

    /** The public face of the ranked user. */
    public record LeaderboardUser(
            UUID id,
            String displayName,
            String handle,
            @Nullable String avatarUrl) {}
}
