package com.pilimarket.users;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated profile change. A null field stays as it is; an empty bio or avatar URL clears it.
 * {@code language} ({@code en} or {@code fil}) is the language the app was switched to; {@code handle}
 * a new handle (at most once a month). Nothing else
 * of an account (chips, role, reputation, status) can be changed this way.
 */
public record ProfileUpdate(
        String displayName,
        String bio,
        boolean bioSet,
        String avatarUrl,
        boolean avatarUrlSet,
        Language language,
        String handle) {

    /** Cleans and checks raw input, collecting one error per bad field. */
    public static ProfileUpdate of(String displayName, String bio, String avatarUrl) {
        return of(displayName, bio, avatarUrl, null);
    }

    /** Cleans and checks raw input, collecting one error per bad field. */
    public static ProfileUpdate of(String displayName, String bio, String avatarUrl, String language) {
        return of(displayName, bio, avatarUrl, language, null);
    }

    /** Cleans and checks raw input, collecting one error per bad field; {@code handle} is lower-cased. */
    public static ProfileUpdate of(String displayName, String bio, String avatarUrl, String language, String handle) {
        List<ApiError> errors = new ArrayList<>();
        String cleanHandle = null;
        if (handle != null) {
            try {
                cleanHandle = HandleRules.chosen(handle);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        String name = displayName == null ? null : ProfileRules.displayName(displayName, errors);
        String cleanBio = bio == null ? null : ProfileRules.bio(bio, errors);
        String avatar = avatarUrl == null ? null : ProfileRules.avatarUrl(avatarUrl, errors);
        Language chosen = null;
        if (language != null) {
            chosen = switch (language) {
                case "en" -> Language.EN;
                case "fil" -> Language.FIL;
                default -> {
                    errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "language", "must be en or fil"));
                    yield null;
                }
            };
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ProfileUpdate(name, cleanBio, bio != null, avatar, avatarUrl != null, chosen, cleanHandle);
    }
}
