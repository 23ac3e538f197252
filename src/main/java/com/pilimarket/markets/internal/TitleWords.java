package com.pilimarket.markets.internal;

import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words of a market title that say what it is about, for "related markets": lower case, accents
 * dropped (the SQL side uses {@code pm_unaccent}), at least three letters, no numbers (every 2026
 * market shares "2026") and no filler words of English or Filipino.
 */
final class TitleWords {

    static final int MAX_WORDS = 40;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");
    private static final Set<String> FILLER = Set.of(
            "the",
            "and",
            "will",
            "with",
            "this",
            "that",
            "from",
            "what",
            "when",
            "which",
            "who",
            "whom",
            "whose",
            "before",
            "after",
            "more",
            "than",
            "less",
            "have",
            "has",
            "does",
            "did",
            "for",
            "into",
            "over",
            "under",
            "end",
            "its",
            "their",
            "there",
            "any",
            "all",
            "out",
            "not",
            "get",
            "win",
            "wins",
            "next",
            "year",
            "month",
            "week",
            "day",
            "by",
            "ang",
            "mga",
            "bang",
            "ba",
            "nga",
            "sa",
            "ng",
            "kay",
            "may",
            "mananalo",
            "para");

    private TitleWords() {}

    static Set<String> of(String title) {
        String ascii = MARKS.matcher(Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATORS.split(ascii)) {
            if (word.length() >= 3 && !FILLER.contains(word) && !word.chars().allMatch(Character::isDigit)) {
                words.add(word);
            }
        }
        return words;
    }

    /** At most {@value #MAX_WORDS} words, so a user with hundreds of positions sends a bounded query. */
    static List<String> capped(Collection<String> words) {
        return words.stream().limit(MAX_WORDS).toList();
    }
}
