package com.pilimarket.markets;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** The displayed probabilities of a market's outcomes at one moment. */
public record HistoryPoint(OffsetDateTime at, Map<UUID, Double> probabilities) {}
