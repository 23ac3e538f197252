package com.pilimarket.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.web.util.HtmlUtils;

/** Text hygiene for user input: no HTML is ever stored, URLs must be http(s). */
public final class Text {

    private static final PolicyFactory NO_HTML = new HtmlPolicyBuilder().toFactory();
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\p{Cf}&&[^\\u200D]]");
    private static final Pattern SPACES = Pattern.compile("[ \\t]+");

    /** Rounds of strip-and-decode before the rest is defused; real text needs one or two. */
    private static final int MAX_ROUNDS = 8;

    /** What starts a tag, comment or processing instruction in HTML. */
    private static final Pattern TAG_OPENER = Pattern.compile("<(?=[A-Za-z!/?])");

    /** An entity reference as {@link HtmlUtils#htmlUnescape} reads one. */
    private static final Pattern ENTITY = Pattern.compile("&(?=(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)");

    /**
     * Letters, marks and symbols that render as nothing (fillers, blank patterns): a name made of
     * them alone looks empty.
     */
    private static final Set<Integer> BLANK_LOOKING = Set.of(
            0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5, 0x180E, 0x034F, 0x2061, 0x2062, 0x2063, 0x2064,
            0x1D159, 0x1D173, 0x1D174, 0x1D175, 0x1D176, 0x1D177, 0x1D178, 0x1D179, 0x1D17A);

    private Text() {}

    /**
     * Plain text from untrusted input: tags and control characters removed, entities decoded (the UI
     * escapes on output), whitespace trimmed.
     *
     * <p>Each round strips tags and decodes one layer of entities, until the text stops changing. A
     * bounded number of rounds keeps hostile input cheap; whatever is still left after them (only
     * deeply nested encodings get that far) is defused character for character: a {@code <} that
     * would open a tag becomes {@code ‹}, and the {@code &} of an entity that would still decode
     * becomes {@code ＆}. Neither replacement can join characters into new markup, so the result
     * holds no markup, not even after any number of further decodings.
     */
    public static String clean(String input) {
        if (input == null) {
            return null;
        }
        String current = input;
        for (int i = 0; i < MAX_ROUNDS; i++) {
            String next = HtmlUtils.htmlUnescape(
                    NO_HTML.sanitize(CONTROL.matcher(current).replaceAll("")));
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        current = CONTROL.matcher(current).replaceAll("");
        return defuse(current).strip();
    }

    private static String defuse(String text) {
        String noTags = TAG_OPENER.matcher(text).replaceAll("\u2039");
        Matcher entity = ENTITY.matcher(noTags);
        StringBuilder out = new StringBuilder(noTags.length());
        while (entity.find()) {
            int end = noTags.indexOf(';', entity.end()) + 1;
            String reference = noTags.substring(entity.start(), end);
            boolean decodes = !HtmlUtils.htmlUnescape(reference).equals(reference);
            entity.appendReplacement(out, decodes ? "\uFF06" : "&");
        }
        entity.appendTail(out);
        return out.toString();
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

    /**
     * True if the text shows something: at least one letter, digit, punctuation mark or symbol that
     * is not a blank-looking filler. Spaces, zero-width and other format characters, combining marks
     * and variation selectors alone are not enough.
     */
    public static boolean hasVisibleCharacters(String text) {
        if (text == null) {
            return false;
        }
        return text.codePoints().anyMatch(Text::isVisible);
    }

    private static boolean isVisible(int codePoint) {
        if (BLANK_LOOKING.contains(codePoint)) {
            return false;
        }
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
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
