package com.pilimarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class ErrorMessagesTests {

    private final ErrorMessages messages = new ErrorMessages(messageSource());

    static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void an_english_message_is_translated_to_filipino_with_its_values() {
        assertThat(messages.translate("Wrong email or password", Language.FIL)).isEqualTo("Mali ang email o password");
        assertThat(messages.translate("must be between 100 and 50000", Language.FIL))
                .isEqualTo("dapat nasa pagitan ng 100 at 50000");
        assertThat(messages.translate(
                        "At most 10000 chips per person in this market (this would make 10500)", Language.FIL))
                .isEqualTo("Hanggang 10000 chips lang bawat tao sa market na ito (magiging 10500 ito)");
        assertThat(messages.translate(
                        "Purchases are limited to ₱50,000 a day (Asia/Manila time); ₱1,000 left today", Language.FIL))
                .isEqualTo("Hanggang ₱50,000 lang ang puwedeng bilhin kada araw (oras sa Manila); "
                        + "₱1,000 pa ang puwede ngayong araw");
        assertThat(messages.translate("Market not found", Language.FIL)).isEqualTo("Hindi nakita ang market");
        assertThat(messages.translate("Widget not found", Language.FIL)).isEqualTo("Hindi nakita ang Widget");
    }

    /** Statuses the container chooses (a path Tomcat or the firewall refuses) get catalogued sentences too. */
    @Test
    void every_error_status_the_container_chooses_has_a_filipino_message() {
        for (org.springframework.http.HttpStatus status : org.springframework.http.HttpStatus.values()) {
            if (status.value() < 400) {
                continue;
            }
            String english = JsonErrorController.messageFor(status, "DELETE");
            assertThat(messages.translate(english, Language.FIL))
                    .as("%s: %s", status, english)
                    .isNotEqualTo(english);
        }
        assertThat(messages.translate(
                        JsonErrorController.messageFor(org.springframework.http.HttpStatus.BAD_REQUEST, "GET"),
                        Language.FIL))
                .isEqualTo("Hindi mabasa ang request; suriin ang address at mga parameter nito");
    }

    @Test
    void english_stays_as_thrown_and_an_unknown_message_stays_english() {
        assertThat(messages.translate("Wrong email or password", Language.EN)).isEqualTo("Wrong email or password");
        assertThat(messages.translate("Something nobody catalogued", Language.FIL))
                .isEqualTo("Something nobody catalogued");
    }

    @Test
    void an_envelope_keeps_codes_and_fields_and_translates_only_messages() {
        List<ApiError> translated = messages.translate(
                List.of(new ApiError("VALIDATION_FAILED", "title", "must be 3 to 200 characters")), Language.FIL);

        assertThat(translated)
                .containsExactly(new ApiError("VALIDATION_FAILED", "title", "dapat 3 hanggang 200 character"));
    }

    /**
     * Every message the code throws as a literal sentence has a key, so no error reaches a Filipino
     * reader in English by oversight. Messages built by concatenation are covered by the cases above.
     */
    @Test
    void every_literal_error_message_in_the_code_has_a_key() throws IOException {
        Pattern call = Pattern.compile("(new ApiError|ApiError\\.of|ApiException\\.\\w+|new ApiException"
                + "|ValidationException\\.of|\\berror|\\brequire|super(?=\\(HttpStatus))\\(");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher m = call.matcher(source);
                while (m.find()) {
                    String last = lastArgument(source, m.end());
                    if (last == null || !last.matches("\"[^\"]*\"")) {
                        continue; // not a literal: a variable, or a sentence built by concatenation
                    }
                    String literal = last.substring(1, last.length() - 1);
                    String message = m.group(1).equals("ApiException.notFound") ? literal + " not found" : literal;
                    checked++;
                    boolean known = messages.match(message)
                            .filter(found -> !found.key().equals("error.not_found.thing"))
                            .isPresent();
                    if (!known) {
                        missing.add(file.getFileName() + ": " + message);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(80);
        assertThat(missing)
                .as("error messages without a key in messages.properties")
                .isEmpty();
    }

    /** The last top-level argument of the call whose argument list starts at {@code open}, trimmed. */
    private static String lastArgument(String source, int open) {
        int depth = 0;
        int argStart = open;
        boolean inString = false;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> {
                    if (depth == 0) {
                        return source.substring(argStart, i).strip();
                    }
                    depth--;
                }
                case ',' -> {
                    if (depth == 0) {
                        argStart = i + 1;
                    }
                }
                case ';' -> {
                    return null;
                }
                default -> {}
            }
        }
        return null;
    }
}
