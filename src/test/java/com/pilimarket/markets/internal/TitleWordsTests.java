package com.pilimarket.markets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TitleWordsTests {

    @Test
    void a_title_keeps_the_words_that_say_what_it_is_about() {
        assertThat(TitleWords.of("Will Ginebra win the 2026 PBA Finals?")).containsExactly("ginebra", "pba", "finals");
    }

    @Test
    void accents_and_case_do_not_matter_and_filipino_filler_is_dropped() {
        assertThat(TitleWords.of("Mananalo ba ang PAMBANSANG koponan sa Parañaque?"))
                .containsExactly("pambansang", "koponan", "paranaque");
    }

    @Test
    void a_title_of_only_numbers_symbols_or_filler_has_no_words() {
        assertThat(TitleWords.of("🔥 2026 — will it? ")).isEmpty();
        assertThat(TitleWords.of(null)).isEmpty();
    }

    @Test
    void many_words_are_capped_so_the_query_stays_bounded() {
        Set<String> words = new LinkedHashSet<>();
        for (int i = 0; i < 100; i++) {
            words.add("word" + (char) ('a' + i % 26) + (char) ('a' + i / 26));
        }
        List<String> capped = TitleWords.capped(words);
        assertThat(capped)
                .hasSize(TitleWords.MAX_WORDS)
                .containsExactlyElementsOf(
                        words.stream().limit(TitleWords.MAX_WORDS).toList());
    }
}
