package com.pilimarket.markets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void accents_are_transliterated() {
        assertThat(Slugs.of("Sino ang mananalo sa Pasko ng Piñata? Año 2026 — Édition"))
                .isEqualTo("sino-ang-mananalo-sa-pasko-ng-pinata-ano-2026-edition");
    }

    @Test
    void emoji_and_symbols_are_dropped_and_dashes_collapse() {
        assertThat(Slugs.of("🔥 Will BTC hit $100k?!  🚀🚀 -- yes/no")).isEqualTo("will-btc-hit-100k-yes-no");
    }

    @Test
    void a_title_of_only_emoji_still_gets_a_slug() {
        assertThat(Slugs.of("🎉🥳🎊")).isEqualTo("market");
    }

    @Test
    void long_titles_are_cut_without_a_trailing_dash() {
        String slug = Slugs.of("a".repeat(79) + " bcd");
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    }

    @Test
    void collisions_get_the_next_free_number() {
        assertThat(Slugs.unique("pacquiao", List.of())).isEqualTo("pacquiao");
        assertThat(Slugs.unique("pacquiao", List.of("pacquiao"))).isEqualTo("pacquiao-2");
        assertThat(Slugs.unique("pacquiao", List.of("pacquiao", "pacquiao-2", "pacquiao-3")))
                .isEqualTo("pacquiao-4");
    }
}
