package com.pilimarket.reputation;

import java.util.List;

/** A page of a board ({@link Reputation#board}): its lines, ranked, and how many users the board ranks. */
public record RankedPage(List<RankedScore> lines, long total) {}
