package com.pilimarket.users;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.ValidationException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of handles: 3–20 characters of {@code a-z 0-9 _}, compared lower-cased, and not one of
 * the words the app's paths or staff use. A handle derived from a display name follows the same
 * steps as the migration that gave existing users theirs ({@code V150}).
 */
public final class HandleRules {

    public static final int MIN = 3;
    public static final int MAX = 20;
    /** A derived handle with a numeric suffix keeps at most this much of its base. */
    static final int SUFFIXED_BASE_MAX = 15;

    private static final Pattern VALID = Pattern.compile("^[a-z0-9_]{3,20}$");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern OTHER = Pattern.compile("[^a-z0-9_]+");
    private static final Pattern UNDERSCORES = Pattern.compile("_+");

    /** Words that would impersonate staff or collide with the app's own paths; keep in step with V150. */
    static final Set<String> RESERVED = Set.of(
            "about",
            "admin",
            "administrator",
            "activity",
            "anonymous",
            "api",
            "app",
            "everyone",
            "help",
            "leaderboard",
            "login",
            "logout",
            "market",
            "markets",
            "me",
            "mod",
            "moderator",
            "moderators",
            "notifications",
            "null",
            "official",
            "pilimarket",
            "profile",
            "register",
            "root",
            "security",
            "settings",
            "signup",
            "staff",
            "support",
            "system",
            "team",
            "undefined",
            "user",
            "users",
            "wallet",
            "watchlist");

    private HandleRules() {}

    /** A chosen handle, lower-cased, or 400 on field {@code handle}. */
    public static String chosen(String raw) {
        String handle = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!VALID.matcher(handle).matches()) {
            throw new ValidationException(List.of(new ApiError(
                    ErrorCodes.VALIDATION_FAILED, "handle", "must be 3 to 20 characters of a-z, 0-9 and _")));
        }
        if (RESERVED.contains(handle)) {
            throw new ValidationException(
                    List.of(new ApiError(ErrorCodes.VALIDATION_FAILED, "handle", "is reserved; choose another")));
        }
        return handle;
    }

    /** A lookup key for a handle in a path: lower-cased, or null if it cannot be a handle. */
    public static String lookupKey(String raw) {
        String handle = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        return VALID.matcher(handle).matches() ? handle : null;
    }

    /** The base a display name suggests ("Juan dela Cruz" → {@code juan_dela_cruz}); always valid in form. */
    public static String base(String displayName) {
        String text = Normalizer.normalize(displayName == null ? "" : displayName, Normalizer.Form.NFD);
        text = MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        text = OTHER.matcher(text).replaceAll("_");
        text = trimUnderscores(UNDERSCORES.matcher(text).replaceAll("_"));
        text = trimUnderscores(text.length() > MAX ? text.substring(0, MAX) : text);
        if (text.isEmpty()) {
            return "forecaster";
        }
        return text.length() < MIN ? "user_" + text : text;
    }

    /** {@code base} with the numeric suffix {@code n} (n ≥ 2), within 20 characters. */
    static String suffixed(String base, long n) {
        String cut = trimUnderscores(base.length() > SUFFIXED_BASE_MAX ? base.substring(0, SUFFIXED_BASE_MAX) : base);
        return cut + n;
    }

    static boolean isReserved(String handle) {
        return RESERVED.contains(handle);
    }

    private static String trimUnderscores(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '_') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '_') {
            end--;
        }
        return text.substring(start, end);
    }
}
