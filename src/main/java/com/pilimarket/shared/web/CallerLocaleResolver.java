package com.pilimarket.shared.web;

import com.pilimarket.shared.Language;
import com.pilimarket.shared.LanguagePreferences;
import com.pilimarket.shared.security.Callers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The caller's language, in this order: the {@code Accept-Language} header when it names English
 * or Filipino ({@code fil} or {@code tl}, highest weight first); else the signed-in user's saved
 * language; else English. The app sends the language it shows, so a user who switched the app to
 * Filipino gets Filipino answers even from a browser set to English; API clients that send no
 * header get the language the user saved. Registered as Spring MVC's {@code localeResolver}.
 */
@Component("localeResolver")
public class CallerLocaleResolver implements LocaleResolver {

    private static final String RESOLVED = CallerLocaleResolver.class.getName() + ".language";

    private final ObjectProvider<LanguagePreferences> preferences;

    public CallerLocaleResolver(ObjectProvider<LanguagePreferences> preferences) {
        this.preferences = preferences;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return language(request).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language comes from Accept-Language or the saved preference");
    }

    /** The language of the request being served (English outside a request), e.g. for servlet filters. */
    public Language currentLanguage() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return language(attributes.getRequest());
        }
        return Language.EN;
    }

    Language language(HttpServletRequest request) {
        // Resolved once per request: the saved preference costs a query.
        if (request.getAttribute(RESOLVED) instanceof Language known) {
            return known;
        }
        Language language = fromHeader(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                .or(this::savedByCaller)
                .orElse(Language.EN);
        request.setAttribute(RESOLVED, language);
        return language;
    }

    /** The first range of the header, by weight, that names a language we speak. */
    static Optional<Language> fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return ranges.stream()
                .filter(range -> range.getWeight() > 0)
                .map(range -> Language.fromTag(range.getRange()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Optional<Language> savedByCaller() {
        LanguagePreferences saved = preferences.getIfAvailable();
        if (saved == null) {
            return Optional.empty();
        }
        return Callers.currentUserId().flatMap(saved::savedLanguage);
    }
}
