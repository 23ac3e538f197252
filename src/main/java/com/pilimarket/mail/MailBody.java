package com.pilimarket.mail;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The two bodies of an email, made from the same blocks so they always say the same: a plain-text
 * body for every client and a small, inline-styled HTML body. Every text is escaped; links must be
 * http(s).
 */
public record MailBody(String text, String html) {

    public static Builder builder() {
        return new Builder();
    }

    /** Blocks in order: a heading, paragraphs, buttons (a link with a label), small print. */
    public static final class Builder {

        private interface Block {}

        private record Heading(String text) implements Block {}

        private record Paragraph(String text) implements Block {}

        private record Button(String label, String url) implements Block {}

        private record Note(String text) implements Block {}

        private final List<Block> blocks = new ArrayList<>();

        private Builder() {}

        public Builder heading(String text) {
            blocks.add(new Heading(text));
            return this;
        }

        public Builder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        public Builder button(String label, String url) {
            if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) {
                throw new IllegalArgumentException("a button needs an http(s) link");
            }
            blocks.add(new Button(label, url));
            return this;
        }

        public Builder note(String text) {
            blocks.add(new Note(text));
            return this;
        }

        public MailBody build() {
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
                    .append("<meta name=\"viewport\" content=\"width=device-width\"></head>")
                    .append("<body style=\"margin:0;padding:24px;background:#f4f4f5;")
                    .append("font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#18181b\">")
                    .append("<div style=\"max-width:520px;margin:0 auto;background:#ffffff;border-radius:12px;")
                    .append("padding:24px\">")
                    .append("<p style=\"margin:0 0 16px;font-weight:800;color:#2563eb\">Pilimarket</p>");
            for (Block block : blocks) {
                if (block instanceof Heading h) {
                    text.append(h.text()).append("\n\n");
                    html.append("<h1 style=\"font-size:20px;margin:0 0 16px\">")
                            .append(escape(h.text()))
                            .append("</h1>");
                } else if (block instanceof Paragraph p) {
                    text.append(p.text()).append("\n\n");
                    html.append("<p style=\"font-size:15px;line-height:1.5;margin:0 0 16px\">")
                            .append(escape(p.text()))
                            .append("</p>");
                } else if (block instanceof Button b) {
                    text.append(b.label()).append(":\n").append(b.url()).append("\n\n");
                    html.append("<p style=\"margin:8px 0 24px\"><a href=\"")
                            .append(escape(b.url()))
                            .append("\" style=\"display:inline-block;background:#2563eb;color:#ffffff;")
                            .append("padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600\">")
                            .append(escape(b.label()))
                            .append("</a></p>");
                } else if (block instanceof Note n) {
                    text.append(n.text()).append("\n\n");
                    html.append("<p style=\"font-size:12px;line-height:1.5;color:#71717a;margin:0 0 12px\">")
                            .append(escape(n.text()))
                            .append("</p>");
                }
            }
            html.append("</div></body></html>");
            return new MailBody(text.toString().stripTrailing() + "\n", html.toString());
        }

        private static String escape(String value) {
            return HtmlUtils.htmlEscape(value, "UTF-8");
        }
    }
}
