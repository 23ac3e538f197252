package com.pilimarket.reputation;

import java.util.UUID;

/** One user's line in a ranking: rank from 1, score (skill points or chips), settled forecasts, wins. */
public record RankedScore(int rank, UUID userId, double score, int forecasts, int won) {}
