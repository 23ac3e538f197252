package com.pilimarket.leaderboard.internal;

import com.pilimarket.reputation.RankedScore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where computed leaderboards live: Redis sorted sets or the {@code leaderboard_entries} table. */
interface LeaderboardStore {

    /** Replaces the board's lines with {@code lines} (already ranked); readers see the old or the new board, whole. */
    void replace(Board board, List<RankedScore> lines);

    /** Lines {@code offset} … {@code offset + limit − 1} of the board and its total length. */
    Slice page(Board board, long offset, int limit);

    Optional<RankedScore> rankOf(Board board, UUID userId);

    /** A page of a board. */
    record Slice(List<RankedScore> lines, long total) {}
}
