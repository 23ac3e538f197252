package com.pilimarket.shared;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The language a user saved ({@code PATCH /users/me {language}}). Implemented by the users module;
 * the web layer asks it when a request names no language of its own, and background work (SSE pushes)
 * asks it for the recipient.
 */
public interface LanguagePreferences {

    Optional<Language> savedLanguage(UUID userId);

    /** The saved languages of many users in one go; users who saved none are left out. */
    Map<UUID, Language> savedLanguages(Collection<UUID> userIds);
}
