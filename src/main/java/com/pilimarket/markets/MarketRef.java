package com.pilimarket.markets;

import java.util.UUID;

/** Just enough of a market to link to it. */
public record MarketRef(UUID id, String slug, String title) {}
