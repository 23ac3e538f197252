package com.pilimarket.markets.internal;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** URL slugs from titles: accents transliterated (ñ → n, é → e), emoji and symbols dropped, dashes collapsed. */
final class Slugs {

    static final int MAX_LENGTH = 80;
    static final String FALLBACK = "market";

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    private Slugs() {}

    /** The base slug of a title; a title with nothing sluggable (only emoji, say) gets {@value #FALLBACK}. */
    static String of(String title) {
        String decomposed = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD);
        String ascii = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        String slug =
                EDGE_DASHES.matcher(NON_SLUG.matcher(ascii).replaceAll("-")).replaceAll("");
        if (slug.length() > MAX_LENGTH) {
            slug = EDGE_DASHES.matcher(slug.substring(0, MAX_LENGTH)).replaceAll("");
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** Paths under {@code /markets/} that are not markets: a market titled "Feed" gets {@code feed-2}. */
    static final Set<String> RESERVED = Set.of("feed");

    /** {@code base}, or {@code base-2}, {@code base-3}, … whichever is the first not taken (or reserved). */
    static String unique(String base, Collection<String> taken) {
        if (!taken.contains(base) && !RESERVED.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
