package com.pilimarket.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The two languages Pilimarket speaks. Filipino's language tag is {@code fil}; {@code tl} (Tagalog)
 * is accepted as the same language, since browsers and phones send either.
 */
public enum Language {
    EN(Locale.ENGLISH),
    FIL(Locale.forLanguageTag("fil"));

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    /** The API value: {@code en} or {@code fil}. */
    public String value() {
        return locale.getLanguage();
    }

    /** The language of a tag such as {@code fil}, {@code tl-PH} or {@code en-US}; empty for any other. */
    public static Optional<Language> fromTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return switch (language) {
            case "fil", "tl" -> Optional.of(FIL);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }

    /** The language of a resolved locale; English for anything that is not Filipino. */
    public static Language of(Locale locale) {
        return locale != null && ("fil".equals(locale.getLanguage()) || "tl".equals(locale.getLanguage())) ? FIL : EN;
    }
}
