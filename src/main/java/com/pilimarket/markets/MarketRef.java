package com.pilimarket.markets;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Just enough of a market to link to it; {@code titleFil} is its Filipino title, if it has one. */
public record MarketRef(
        UUID id, String slug, String title, @Nullable String titleFil) {}
