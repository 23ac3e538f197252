package com.pilimarket.comments.internal;

import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import java.util.regex.Pattern;

/**
 * A comment's text: plain text from untrusted input ({@link Text#clean}: no markup is ever stored; the
 * app turns links into links when it shows them), 1 to 2,000 characters, at most one empty line in a row.
 */
final class CommentBody {

    static final int MAX_CHARACTERS = 2_000;

    /** Input far beyond the limit is refused before it is cleaned, so hostile text stays cheap. */
    private static final int MAX_RAW_CHARACTERS = 20_000;

    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private CommentBody() {}

    static String of(String raw) {
        if (raw == null) {
            throw ValidationException.of("body", "is required");
        }
        if (raw.length() > MAX_RAW_CHARACTERS) {
            throw ValidationException.of("body", "must be at most 2000 characters");
        }
        String text = Text.clean(raw.replace("\r\n", "\n").replace('\r', '\n'));
        text = BLANK_LINES
                .matcher(TRAILING_SPACES.matcher(text).replaceAll("\n"))
                .replaceAll("\n\n")
                .strip();
        if (!Text.hasVisibleCharacters(text)) {
            throw ValidationException.of("body", "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
            throw ValidationException.of("body", "must be at most 2000 characters");
        }
        return text;
    }

    /** The start of a text for a notification (whole words where possible, with an ellipsis). */
    static String excerpt(String body, int max) {
        String line = body.replaceAll("\\s+", " ").strip();
        if (line.codePointCount(0, line.length()) <= max) {
            return line;
        }
        String cut = line.substring(0, line.offsetByCodePoints(0, max));
        int space = cut.lastIndexOf(' ');
        return (space > max / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }
}
