package com.pilimarket.shared;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The server's user-facing texts, from {@code messages.properties} (English) and
 * {@code messages_fil.properties} (Filipino). A text is rendered when it is read, in the reader's
 * language: {@link #current()} is the caller's (Accept-Language, then their saved language; see
 * {@code CallerLocaleResolver}), or pass a {@link Language} for work outside a request.
 */
@Component
public class Texts {

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    /** The caller's language (English outside a request). */
    public static Language current() {
        return Language.of(LocaleContextHolder.getLocale());
    }

    /** {@code key} in the caller's language. */
    public String get(String key, Object... args) {
        return get(current(), key, args);
    }

    /** {@code key} in {@code language}; falls back to English, then to the key itself. */
    public String get(Language language, String key, Object... args) {
        return messages.getMessage(key, args, key, language.locale());
    }

    /** {@code key} in {@code language}, or null when the catalogue has no such key. */
    public String find(Language language, String key, Object... args) {
        return messages.getMessage(key, args, null, language.locale());
    }

    /** For code that has a {@link Locale} rather than a {@link Language}. */
    public String get(Locale locale, String key, Object... args) {
        return get(Language.of(locale), key, args);
    }
}
