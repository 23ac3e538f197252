package com.pilimarket.sharing.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * Draws the 1200×630 share cards of markets and profiles with Java2D (headless) and keeps the PNGs:
 * a card is drawn once per look ({@link MarketCard#key()}, {@link ProfileCard#key()}), so a market's
 * is redrawn exactly when the odds move by a percent, the title changes or the volume text does, and
 * a profile's when the name, reputation, rank or badges do.
 */
@Component
class CardRenderer {

    static final int WIDTH = 1200;
    static final int HEIGHT = 630;

    private static final Color BRAND = new Color(0x16, 0x52, 0xf0);
    private static final Color INK = new Color(0x18, 0x18, 0x1b);
    private static final Color MUTED = new Color(0x52, 0x52, 0x5b);
    private static final Color TRACK = new Color(0xe4, 0xe4, 0xe7);
    private static final Color[] BARS = {BRAND, new Color(0x0e, 0x9f, 0x6e), new Color(0xd9, 0x77, 0x06)};

    private final Cache<String, byte[]> cards = Caffeine.newBuilder()
            .maximumSize(500)
            .expireAfterAccess(Duration.ofHours(6))
            .build();

    private final Cache<String, byte[]> profiles = Caffeine.newBuilder()
            .maximumSize(500)
            .expireAfterAccess(Duration.ofHours(6))
            .build();

    byte[] png(MarketCard card) {
        return cards.get(card.key(), key -> draw(card));
    }

    byte[] png(ProfileCard card) {
        return profiles.get(card.key(), key -> draw(card));
    }

    static byte[] draw(MarketCard card) {
        return frame(card.volumeText(), card.footerText(), g -> {
            g.setColor(INK);
            Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 50);
            g.setFont(titleFont);
            List<String> lines = wrap(card.title(), g.getFontMetrics(), WIDTH - 128, 2);
            int y = 160;
            for (String line : lines) {
                g.drawString(line, 64, y);
                y += 62;
            }

            y += 12;
            Font nameFont = new Font(Font.SANS_SERIF, Font.PLAIN, 34);
            Font pctFont = new Font(Font.SANS_SERIF, Font.BOLD, 38);
            int i = 0;
            for (MarketCard.Line outcome : card.outcomes()) {
                g.setFont(nameFont);
                g.setColor(INK);
                String name = wrap(outcome.name(), g.getFontMetrics(), 560, 1).get(0);
                g.drawString(name, 64, y + 34);
                int barX = 660;
                int barWidth = 360;
                g.setColor(TRACK);
                g.fill(new RoundRectangle2D.Double(barX, y + 8, barWidth, 30, 30, 30));
                g.setColor(BARS[i % BARS.length]);
                int filled = Math.max(30, barWidth * outcome.percent() / 100);
                g.fill(new RoundRectangle2D.Double(barX, y + 8, filled, 30, 30, 30));
                g.setFont(pctFont);
                g.setColor(INK);
                String pct = outcome.percent() + "%";
                g.drawString(pct, WIDTH - 64 - g.getFontMetrics().stringWidth(pct), y + 36);
                y += 70;
                i++;
            }
        });
    }

    static byte[] draw(ProfileCard card) {
        return frame(card.badgesText(), card.footerText(), g -> {
            // The initial in a circle stands in for the avatar (a remote image is never fetched here).
            g.setColor(BRAND);
            g.fillOval(64, 120, 130, 130);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
            String initial = card.displayName().isBlank()
                    ? "?"
                    : new String(Character.toChars(card.displayName().codePointAt(0))).toUpperCase();
            FontMetrics im = g.getFontMetrics();
            g.drawString(initial, 64 + (130 - im.stringWidth(initial)) / 2, 120 + (130 + im.getAscent()) / 2 - 8);

            g.setColor(INK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
            g.drawString(
                    wrap(card.displayName(), g.getFontMetrics(), WIDTH - 290, 1).get(0), 226, 180);
            g.setColor(MUTED);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
            g.drawString("@" + card.handle(), 226, 232);

            tile(g, 64, 290, card.reputationText(), card.reputationLabel());
            tile(g, 620, 290, card.rankText(), card.rankLabel());

            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 26));
            int x = 64;
            int y = 452;
            int shown = 0;
            for (String badge : card.badges()) {
                FontMetrics fm = g.getFontMetrics();
                String more = "+" + (card.badges().size() - shown);
                int width = fm.stringWidth(badge) + 40;
                int room = WIDTH - 64 - x - (shown < card.badges().size() - 1 ? fm.stringWidth(more) + 56 : 0);
                if (width > room) {
                    pill(g, x, y, more, fm);
                    break;
                }
                pill(g, x, y, badge, fm);
                x += width + 16;
                shown++;
            }
        });
    }

    /**
     * What every card shares: the white page with the brand stripe and name on top, the {@code body}
     * in between, and a footer line with {@code footerLeft} and {@code footerRight} under a rule.
     */
    private static byte[] frame(String footerLeft, String footerRight, Consumer<Graphics2D> body) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setPaint(new GradientPaint(0, 0, BRAND, WIDTH, 0, new Color(0x3b, 0x82, 0xf6)));
            g.fillRect(0, 0, WIDTH, 14);

            g.setColor(BRAND);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
            g.drawString("Pilimarket", 64, 84);

            body.accept(g);

            g.setColor(TRACK);
            g.setStroke(new BasicStroke(2));
            g.drawLine(64, HEIGHT - 92, WIDTH - 64, HEIGHT - 92);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
            g.setColor(MUTED);
            g.drawString(footerLeft, 64, HEIGHT - 46);
            g.drawString(footerRight, WIDTH - 64 - g.getFontMetrics().stringWidth(footerRight), HEIGHT - 46);
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    private static void tile(Graphics2D g, int x, int y, String value, String label) {
        g.setColor(new Color(0xf4, 0xf4, 0xf5));
        g.fill(new RoundRectangle2D.Double(x, y, 516, 130, 28, 28));
        g.setColor(INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 54));
        g.drawString(wrap(value, g.getFontMetrics(), 468, 1).get(0), x + 24, y + 66);
        g.setColor(MUTED);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 28));
        g.drawString(wrap(label, g.getFontMetrics(), 468, 1).get(0), x + 24, y + 108);
    }

    private static void pill(Graphics2D g, int x, int y, String text, FontMetrics fm) {
        g.setColor(new Color(0xdb, 0xe6, 0xfe));
        g.fill(new RoundRectangle2D.Double(x, y, fm.stringWidth(text) + 40, 48, 48, 48));
        g.setColor(BRAND);
        g.drawString(text, x + 20, y + 33);
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Words in at most {@code maxLines} lines of {@code width} pixels; an ellipsis ends a cut line. */
    static List<String> wrap(String text, FontMetrics metrics, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String current = "";
        boolean cut = false;
        for (String word : text.strip().split("\\s+")) {
            String candidate = current.isEmpty() ? word : current + " " + word;
            if (current.isEmpty() || metrics.stringWidth(candidate) <= width) {
                current = candidate;
            } else {
                lines.add(current);
                if (lines.size() == maxLines) {
                    cut = true;
                    current = "";
                    break;
                }
                current = word;
            }
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        for (int i = 0; i < lines.size(); i++) {
            boolean last = i == lines.size() - 1;
            String line = lines.get(i);
            if (metrics.stringWidth(line) > width || (cut && last)) {
                while (!line.isEmpty() && metrics.stringWidth(line + "…") > width) {
                    line = line.substring(0, line.length() - 1);
                }
                lines.set(i, line.strip() + "…");
            }
        }
        return lines;
    }
}
