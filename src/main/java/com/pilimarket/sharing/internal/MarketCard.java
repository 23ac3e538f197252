package com.pilimarket.sharing.internal;

import java.util.List;

/**
 * What a market's share card shows: its title, up to three leading outcomes with their probability
 * in whole percent, the chips in play, the forecasters, and the language of the texts.
 */
record MarketCard(
        String slug,
        String title,
        List<Line> outcomes,
        long totalPoints,
        int forecasters,
        String status,
        String volumeText,
        String footerText) {

    /** One outcome: its name and probability in whole percent. */
    record Line(String name, int percent) {}

    /** Two cards that look the same share one drawing (the odds moved by less than a percent). */
    String key() {
        StringBuilder key =
                new StringBuilder(slug).append('|').append(title).append('|').append(status);
        outcomes.forEach(o -> key.append('|').append(o.name()).append('=').append(o.percent()));
        return key.append('|').append(volumeText).append('|').append(footerText).toString();
    }

    /** A short stable version of {@link #key()} for URLs and ETags. */
    String version() {
        return Integer.toHexString(key().hashCode());
    }
}
