package com.pilimarket.leaderboard;

import java.util.OptionalInt;
import java.util.UUID;

/** A forecaster's place on the stored all-time skill leaderboard (what a profile's share card shows). */
public interface Ranks {

    /** The user's rank on the all-time skill board of all categories; empty when they are not on it. */
    OptionalInt allTimeRank(UUID userId);
}
