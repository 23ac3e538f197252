package com.pilimarket.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/** Text hygiene for user input: no HTML is ever stored, URLs must be http(s). */
public final class Text {

    private static final PolicyFactory NO_HTML = new HtmlPolicyBuilder().toFactory();
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}&&[^\\u200D]]");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    private Text() {}

    /**
     * Plain text from untrusted input: tags and control characters removed, entities decoded (the UI
     * escapes on output), whitespace trimmed. Repeats until stable so encoded markup cannot survive.
     */
    public static String clean(String input) {
        if (input == null) {
            return null;
        }
        String current = input;
        for (int i = 0; i < 5; i++) {
            String next = HtmlUtils.htmlUnescape(NO_HTML.sanitize(current));
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        current = CONTROL.matcher(current).replaceAll("");
        return current.strip();
    }

    /** Like {@link #clean} for one-line values: runs of whitespace collapse to one space. */
    public static String cleanLine(String input) {
        String cleaned = clean(input);
        return cleaned == null
                ? null
                : SPACES.matcher(cleaned.replace('\n', ' ')).replaceAll(" ");
    }

    /**
     * {@link #clean} applied to every string inside a JSON-like value (maps, lists, their keys), for
     * free-form data such as a market's {@code metadata}; other values are kept as they are.
     */
    public static Object cleanDeep(Object value) {
        if (value instanceof String s) {
            return clean(s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> cleaned = new LinkedHashMap<>();
            map.forEach((k, v) -> cleaned.put(clean(String.valueOf(k)), cleanDeep(v)));
            return cleaned;
        }
        if (value instanceof Collection<?> list) {
            List<Object> cleaned = new ArrayList<>(list.size());
            list.forEach(v -> cleaned.add(cleanDeep(v)));
            return cleaned;
        }
        return value;
    }

    /** True for absolute http(s) URLs with a host. */
    public static boolean isHttpUrl(String value) {
        if (value == null || value.isBlank() || value.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }
}
