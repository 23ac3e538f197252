package com.pilimarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's texts exist in both languages, with the same values in them, and use the product's
 * words from the glossary the app uses too ({@code frontend/src/lib/i18n/glossary.json}).
 */
class ServerMessagesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void every_key_exists_in_english_and_in_filipino() throws IOException {
        Map<String, String> en = load("messages.properties");
        Map<String, String> fil = load("messages_fil.properties");

        assertThat(en).isNotEmpty();
        assertThat(fil.keySet()).as("keys in Filipino").isEqualTo(en.keySet());
        fil.forEach((key, text) -> assertThat(text).as(key).isNotBlank());
    }

    @Test
    void a_filipino_text_carries_the_same_values_as_the_english_one() throws IOException {
        Map<String, String> en = load("messages.properties");
        Map<String, String> fil = load("messages_fil.properties");

        en.forEach((key, text) -> assertThat(placeholders(fil.get(key))).as(key).isEqualTo(placeholders(text)));
    }

    @Test
    void filipino_texts_use_the_glossary_words_and_none_it_avoids() throws IOException {
        JsonNode glossary = glossary();
        Map<String, String> fil = load("messages_fil.properties");

        for (JsonNode avoided : glossary.get("avoid_fil")) {
            Pattern word = Pattern.compile("(?iu)(?<![\\p{L}-])" + Pattern.quote(avoided.asString()) + "(?![\\p{L}])");
            fil.forEach((key, text) -> assertThat(word.matcher(text).find())
                    .as(key + " uses \"" + avoided.asString() + "\"")
                    .isFalse());
        }
        JsonNode terms = glossary.get("terms");
        assertThat(fil.get("ledger.reason.refund")).isEqualTo(term(terms, "refunded", "fil"));
        assertThat(fil.get("ledger.reason.payout")).isEqualTo(term(terms, "paid_out", "fil"));
        assertThat(fil.get("ledger.reason.chip_purchase")).isEqualTo(term(terms, "chip_purchase", "fil"));
        assertThat(fil.get("ledger.reason.signup_bonus")).isEqualTo(term(terms, "signup_bonus", "fil"));
        assertThat(fil.get("notification.market_resolved.title")).startsWith(term(terms, "resolved", "fil"));
        assertThat(fil.get("notification.market_cancelled.title")).startsWith(term(terms, "cancelled", "fil"));
        for (String category : new String[] {"election", "politics", "sports", "crypto", "entertainment", "other"}) {
            assertThat(fil.get("category." + category)).isEqualTo(term(terms, "category_" + category, "fil"));
        }
        Map<String, String> en = load("messages.properties");
        assertThat(en.get("ledger.reason.payout")).isEqualTo(term(terms, "payout", "en"));
        assertThat(en.get("ledger.reason.refund")).isEqualTo("Refund");
        assertThat(en.get("notification.market_resolved.title")).isEqualTo("Market " + lower(terms, "resolved"));
        assertThat(en.get("notification.market_cancelled.title")).isEqualTo("Market " + lower(terms, "cancelled"));
    }

    private static String term(JsonNode terms, String name, String language) {
        JsonNode term = terms.get(name);
        assertThat(term).as("glossary term " + name).isNotNull();
        return term.get(language).asString();
    }

    private static String lower(JsonNode terms, String name) {
        return term(terms, name, "en").toLowerCase(Locale.ROOT);
    }

    static JsonNode glossary() throws IOException {
        Path file = Path.of("frontend/src/lib/i18n/glossary.json");
        assertThat(file).as("the glossary the app and the server share").exists();
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static Map<String, String> load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> result = new TreeMap<>();
        properties.forEach((k, v) -> result.put(k.toString(), v.toString()));
        return result;
    }
}
