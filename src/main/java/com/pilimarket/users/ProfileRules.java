package com.pilimarket.users;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** The rules of profile fields: sanitised plain text, bounded lengths, http(s) avatars. */
public final class ProfileRules {

    public static final int DISPLAY_NAME_MIN = 2;
    public static final int DISPLAY_NAME_MAX = 40;
    public static final int BIO_MAX = 500;

    private ProfileRules() {}

    /** A clean display name of 2–40 characters, or 400 on field {@code display_name}. */
    public static String displayName(String raw) {
        List<ApiError> errors = new ArrayList<>();
        String name = displayName(raw, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return name;
    }

    static String displayName(String raw, List<ApiError> errors) {
        String name = Text.cleanLine(raw);
        int length = name == null ? 0 : name.codePointCount(0, name.length());
        // A name of only zero-width, blank-looking or space characters would make an invisible user.
        if (length < DISPLAY_NAME_MIN || length > DISPLAY_NAME_MAX || !Text.hasVisibleCharacters(name)) {
            errors.add(new ApiError(
                    ErrorCodes.VALIDATION_FAILED, "display_name", "must be 2 to 40 characters of plain text"));
        }
        return name;
    }

    /** Empty means "no bio". */
    static String bio(String raw, List<ApiError> errors) {
        String bio = Text.clean(raw);
        if (bio != null && bio.codePointCount(0, bio.length()) > BIO_MAX) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "bio", "must be at most 500 characters"));
        }
        return bio == null || bio.isEmpty() ? null : bio;
    }

    /** Empty means "no avatar". */
    static String avatarUrl(String raw, List<ApiError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (!Text.isHttpUrl(raw)) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "avatar_url", "must be an http(s) URL"));
        }
        return raw.strip();
    }
}
