package com.pilimarket.shared.platform;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what must never leave the server in an error report: passwords, tokens, cookies, secrets
 * and email addresses, wherever they sit in a text ({@code password=…}, {@code "password":"…"},
 * {@code Bearer …}, a JWT, an address). Keeps everything else, so a report stays useful.
 */
final class SensitiveData {

    static final String REDACTED = "[redacted]";
    static final String EMAIL = "[email]";

    /** Header, field and parameter names whose values are secret whatever they hold. */
    private static final Set<String> SECRET_NAMES = Set.of(
            "authorization",
            "cookie",
            "set-cookie",
            "x-xsrf-token",
            "xsrf-token",
            "password",
            "current_password",
            "new_password",
            "token",
            "access_token",
            "refresh_token",
            "secret",
            "api_key",
            "stripe-signature",
            "paymongo-signature",
            "email");

    private static final Pattern EMAIL_ADDRESS =
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;]+");
    /** {@code password=x}, {@code password: x}, {@code "password":"x"} and the same for tokens, secrets, cookies. */
    private static final Pattern SECRET_PAIR = Pattern.compile(
            "(?i)(\"?[a-z_-]*(?:password|passwd|token|secret|cookie|api_key|apikey|signature)\"?\\s*[=:]\\s*\"?)"
                    + "([^\"&\\s,;}]+)");

    private SensitiveData() {}

    static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = SECRET_PAIR.matcher(text).replaceAll("$1" + REDACTED);
        out = BEARER.matcher(out).replaceAll("$1" + REDACTED);
        out = JWT.matcher(out).replaceAll(REDACTED);
        return EMAIL_ADDRESS.matcher(out).replaceAll(EMAIL);
    }

    static boolean isSecretName(String name) {
        return name != null && SECRET_NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Scrubs the values of a map in place: secret names lose their value, other values are scrubbed. */
    static void scrubValues(Map<String, String> map) {
        if (map == null) {
            return;
        }
        map.replaceAll((name, value) -> isSecretName(name) ? REDACTED : scrub(value));
    }

    /** Like {@link #scrubValues} for maps of arbitrary values; nested maps are scrubbed too. */
    @SuppressWarnings("unchecked")
    static void scrubObjects(Map<String, Object> map) {
        if (map == null) {
            return;
        }
        map.replaceAll((name, value) -> {
            if (isSecretName(name)) {
                return REDACTED;
            }
            if (value instanceof String text) {
                return scrub(text);
            }
            if (value instanceof Map<?, ?> nested) {
                try {
                    scrubObjects((Map<String, Object>) nested);
                    return nested;
                } catch (UnsupportedOperationException | ClassCastException e) {
                    return scrub(String.valueOf(nested));
                }
            }
            return value;
        });
    }
}
