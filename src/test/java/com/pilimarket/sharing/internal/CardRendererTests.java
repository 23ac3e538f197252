package com.pilimarket.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CardRendererTests {

    private static MarketCard card(String title) {
        return new MarketCard(
                "slug",
                title,
                List.of(new MarketCard.Line("Yes", 62), new MarketCard.Line("No", 38)),
                1_234,
                12,
                "open",
                "1,234 chips in play · 12 forecasters",
                "Play money · pilimarket");
    }

    @Test
    void a_card_is_a_1200_by_630_png() throws Exception {
        byte[] png = CardRenderer.draw(card("Will Gilas Pilipinas qualify for the 2027 FIBA World Cup?"));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(630);
    }

    @Test
    void a_long_title_is_cut_to_two_lines_with_an_ellipsis() {
        var metrics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)
                .createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, 50));
        String title = "word ".repeat(60).strip();

        List<String> lines = CardRenderer.wrap(title, metrics, 1072, 2);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).endsWith("…");
        lines.forEach(line -> assertThat(metrics.stringWidth(line)).isLessThanOrEqualTo(1072));
        assertThat(CardRenderer.wrap("Short", metrics, 1072, 2)).containsExactly("Short");
        assertThat(CardRenderer.wrap("x".repeat(200), metrics, 1072, 2).get(0)).endsWith("…");
    }

    @Test
    void the_same_look_is_the_same_drawing_and_a_percent_more_is_a_new_one() {
        MarketCard a = card("Same");
        MarketCard moved = new MarketCard(
                "slug",
                "Same",
                List.of(new MarketCard.Line("Yes", 63), new MarketCard.Line("No", 37)),
                1_234,
                12,
                "open",
                a.volumeText(),
                a.footerText());
        assertThat(card("Same").key()).isEqualTo(a.key());
        assertThat(moved.key()).isNotEqualTo(a.key());
    }

    private static ProfileCard profile(String rank, List<String> badges) {
        return new ProfileCard(
                "ana_reyes",
                "Ana Reyes",
                "1,240",
                "Reputation",
                rank,
                "All-time rank",
                badges,
                badges.size() + " badges",
                "Play money · pilimarket");
    }

    @Test
    void a_profile_card_is_a_1200_by_630_png_even_with_more_badges_than_fit() throws Exception {
        List<String> many = java.util.Collections.nCopies(30, "Eksperto sa Entertainment");

        for (ProfileCard card : List.of(profile("#3", List.of()), profile("—", many))) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(CardRenderer.draw(card)));
            assertThat(image.getWidth()).isEqualTo(1200);
            assertThat(image.getHeight()).isEqualTo(630);
        }
    }

    @Test
    void a_profile_card_is_redrawn_when_the_rank_or_the_badges_change() {
        ProfileCard a = profile("#3", List.of("First win"));

        assertThat(profile("#3", List.of("First win")).key()).isEqualTo(a.key());
        assertThat(profile("#2", List.of("First win")).key()).isNotEqualTo(a.key());
        assertThat(profile("#3", List.of("First win", "Sharp")).key()).isNotEqualTo(a.key());
        assertThat(new CardRenderer().png(a)).isEqualTo(new CardRenderer().png(profile("#3", List.of("First win"))));
    }
}
