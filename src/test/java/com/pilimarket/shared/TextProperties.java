package com.pilimarket.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.springframework.web.util.HtmlUtils;

/** No markup survives {@link Text}, however deeply it is wrapped in HTML entities. */
class TextProperties {

    /** What a browser would start a tag (or comment, or processing instruction) with. */
    private static final Pattern TAG_OPENER = Pattern.compile("<[A-Za-z!/?]");

    private static final List<String> MARKUP = List.of(
            "<svg onload=alert(1)>",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg/onload=alert(1)>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<!--x--><iframe src=//evil.example>",
            "<<b>svg onload=alert(1)>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<\u0000svg onload=alert(1)>",
            "x<svg",
            "</p>");

    /** True if the text is markup as stored, or becomes markup after any number of entity decodings. */
    static boolean carriesMarkup(String text) {
        String current = text;
        for (int i = 0; i < 200; i++) {
            if (TAG_OPENER.matcher(current).find()) {
                return true;
            }
            String next = HtmlUtils.htmlUnescape(current);
            if (next.equals(current)) {
                return false;
            }
            current = next;
        }
        return true;
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> known = Arbitraries.of(MARKUP);
        Arbitrary<String> noise = Arbitraries.strings()
                .withChars("<>&;#/ =\"'!?svgimltap0123x")
                .ofMinLength(1)
                .ofMaxLength(40);
        return Arbitraries.oneOf(
                known, noise, Arbitraries.strings().ofMaxLength(30).map(s -> s + "<svg onload=x>"));
    }

    @Provide
    Arbitrary<UnaryOperator<String>> encodings() {
        return Arbitraries.of(
                HtmlUtils::htmlEscape,
                HtmlUtils::htmlEscapeDecimal,
                HtmlUtils::htmlEscapeHex,
                s -> s.replace("&", "&amp;"),
                s -> s.replace("<", "&lt;").replace(">", "&gt;"),
                s -> s.replace("<", "&#60;").replace("&", "&#x26;"));
    }

    @Property(tries = 2000)
    void no_markup_is_left_whatever_the_nesting_of_entities(
            @ForAll("payloads") String payload,
            @ForAll("encodings") UnaryOperator<String> first,
            @ForAll("encodings") UnaryOperator<String> then,
            @ForAll @IntRange(min = 0, max = 40) int depth) {
        String encoded = first.apply(payload);
        for (int i = 0; i < depth; i++) {
            encoded = then.apply(encoded);
        }

        assertThat(carriesMarkup(Text.clean(encoded))).as(encoded).isFalse();
        assertThat(carriesMarkup(Text.cleanLine(encoded))).as(encoded).isFalse();
    }

    @Property(tries = 500)
    void plain_text_without_markup_is_kept(@ForAll("plainText") String text) {
        assertThat(Text.clean(text)).isEqualTo(text.strip());
    }

    @Provide
    Arbitrary<String> plainText() {
        return Arbitraries.strings().withChars("abcXYZ 019.,!?ñÑ-()₱%'\"").ofMaxLength(60);
    }

    @Example
    void the_reported_five_times_encoded_svg_is_removed() {
        String reported = "&amp;amp;amp;amp;lt;svg onload=alert(1)&amp;amp;amp;amp;gt;";
        assertThat(Text.clean(reported)).isEmpty();
        assertThat(Text.cleanLine("Ana " + reported + " Reyes")).isEqualTo("Ana Reyes");
    }

    @Example
    void ordinary_comparisons_and_ampersands_read_as_written() {
        assertThat(Text.clean("Tom &amp; Jerry")).isEqualTo("Tom & Jerry");
        assertThat(Text.clean("Will inflation be < 3% or > 5%?")).isEqualTo("Will inflation be < 3% or > 5%?");
        assertThat(Text.clean("I <3 PBA")).isEqualTo("I <3 PBA");
    }

    @Example
    void names_of_only_invisible_characters_have_no_visible_text() {
        assertThat(Text.hasVisibleCharacters("\u200B\u200C\u200D\u2060\uFEFF")).isFalse();
        assertThat(Text.hasVisibleCharacters("\u3164\u3164")).isFalse();
        assertThat(Text.hasVisibleCharacters("\u00A0\u2800 \u115F\u034F\uFE0F")).isFalse();
        assertThat(Text.hasVisibleCharacters("Ana")).isTrue();
        assertThat(Text.hasVisibleCharacters("李")).isTrue();
        assertThat(Text.hasVisibleCharacters("🙂")).isTrue();
    }
}
