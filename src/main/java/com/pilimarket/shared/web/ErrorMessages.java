package com.pilimarket.shared.web;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Translates the messages of error envelopes. Code throws errors with an English message
 * ({@code "Wrong email or password"}, {@code "must be between 100 and 50000"}); the {@code error.*}
 * keys of {@code messages.properties} are those English sentences, with {@code {0}}, {@code {1}}
 * where a value varies, and {@code messages_fil.properties} says the same in Filipino. A message is
 * matched to its key (an exact sentence before a pattern, the most specific pattern first) and
 * rendered in the caller's language with the values it carried. An unknown message stays English:
 * {@code ErrorMessagesTests} checks that every message thrown in the code has a key.
 */
@Component
public class ErrorMessages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private final MessageSource messages;
    private final List<Template> templates;

    public ErrorMessages(MessageSource messages) {
        this.messages = messages;
        this.templates = templates(englishCatalogue());
    }

    /** The errors with their messages in {@code language}. */
    public List<ApiError> translate(List<ApiError> errors, Language language) {
        if (language == Language.EN || errors.isEmpty()) {
            return errors;
        }
        return errors.stream()
                .map(e -> new ApiError(e.code(), e.field(), translate(e.message(), language)))
                .toList();
    }

    /** One English error message in {@code language}; unchanged if it has no key. */
    public String translate(String english, Language language) {
        if (english == null || language == Language.EN) {
            return english;
        }
        return match(english)
                .map(m -> messages.getMessage(m.key(), values(m.args(), language), english, language.locale()))
                .orElse(english);
    }

    /** A state named inside a message ("This market is suspended; …") is translated with it ({@code value.*}). */
    private Object[] values(Object[] args, Language language) {
        Object[] result = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            String arg = String.valueOf(args[i]);
            result[i] = messages.getMessage("value." + arg, null, arg, language.locale());
        }
        return result;
    }

    /** The key and values of an English message, if the catalogue has it. */
    Optional<Match> match(String english) {
        for (Template template : templates) {
            Matcher m = template.pattern().matcher(english);
            if (m.matches()) {
                Object[] args = new Object[template.argCount()];
                for (int i = 0; i < template.argCount(); i++) {
                    args[i] = m.group("a" + i);
                }
                return Optional.of(new Match(template.key(), args));
            }
        }
        return Optional.empty();
    }

    record Match(String key, Object[] args) {}

    private record Template(String key, Pattern pattern, int argCount, int literalLength) {}

    private static List<Template> templates(Map<String, String> english) {
        List<Template> result = new ArrayList<>();
        english.forEach((key, text) -> {
            if (key.startsWith("error.")) {
                result.add(template(key, text));
            }
        });
        // Exact sentences first, then the pattern with the most fixed text (the most specific).
        result.sort(Comparator.comparingInt((Template t) -> t.argCount() == 0 ? 0 : 1)
                .thenComparing(Comparator.comparingInt(Template::literalLength).reversed())
                .thenComparing(Template::key));
        return List.copyOf(result);
    }

    private static Template template(String key, String text) {
        // Texts with values are MessageFormat patterns, where '' stands for one apostrophe.
        String literal = PLACEHOLDER.matcher(text).find() ? text.replace("''", "'") : text;
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(literal);
        int last = 0;
        int args = 0;
        int literalLength = 0;
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        while (m.find()) {
            String fixed = literal.substring(last, m.start());
            regex.append(Pattern.quote(fixed));
            literalLength += fixed.length();
            int index = Integer.parseInt(m.group(1));
            if (seen.add(index)) {
                regex.append("(?<a").append(index).append(">.+?)");
            } else {
                regex.append("\\k<a").append(index).append('>');
            }
            args = Math.max(args, index + 1);
            last = m.end();
        }
        String tail = literal.substring(last);
        regex.append(Pattern.quote(tail));
        literalLength += tail.length();
        return new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), args, literalLength);
    }

    static Map<String, String> englishCatalogue() {
        Properties properties = new Properties();
        try (InputStream in = new ClassPathResource("messages.properties").getInputStream()) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("messages.properties is missing from the classpath", e);
        }
        Map<String, String> result = new java.util.TreeMap<>();
        properties.forEach((k, v) -> result.put(k.toString(), v.toString()));
        return result;
    }
}
