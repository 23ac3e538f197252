package com.pilimarket.markets;

import java.util.List;
import java.util.UUID;

/** An admin's resolution: the winning outcome, at least one http(s) evidence URL and a note. */
public record ResolveMarket(UUID outcomeId, List<String> evidenceUrls, String resolutionNote) {}
