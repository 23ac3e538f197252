package com.pilimarket.sharing.internal;

import com.pilimarket.shared.Language;
import com.pilimarket.shared.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.util.HtmlUtils;

/**
 * The app's index.html with a shared page's Open Graph and Twitter meta inserted before
 * {@code </head>}: what a crawler (which runs no JavaScript) reads; a browser then starts the app as
 * usual. Every value is HTML-escaped.
 */
record SharePage(
        String ogType,
        String title,
        String description,
        String pageUrl,
        String imageUrl,
        int imageWidth,
        int imageHeight,
        String imageAlt,
        Language language) {

    /** {@code ?lang=fil} (or {@code en}) wins; else the caller's language (Accept-Language). */
    static Language language(String lang) {
        return Language.fromTag(lang).orElseGet(Texts::current);
    }

    String html() {
        return withMeta(appPage());
    }

    String withMeta(String html) {
        String locale = language == Language.FIL ? "fil_PH" : "en_PH";
        String alternate = language == Language.FIL ? "en_PH" : "fil_PH";
        StringBuilder meta = new StringBuilder();
        meta.append(property("og:type", ogType))
                .append(property("og:site_name", "Pilimarket"))
                .append(property("og:title", title))
                .append(property("og:description", description))
                .append(property("og:url", pageUrl))
                .append(property("og:image", imageUrl))
                .append(property("og:image:type", "image/png"))
                .append(property("og:image:width", Integer.toString(imageWidth)))
                .append(property("og:image:height", Integer.toString(imageHeight)))
                .append(property("og:image:alt", imageAlt))
                .append(property("og:locale", locale))
                .append(property("og:locale:alternate", alternate))
                .append(metaName("twitter:card", "summary_large_image"))
                .append(metaName("twitter:title", title))
                .append(metaName("twitter:description", description))
                .append(metaName("twitter:image", imageUrl))
                .append("    <link rel=\"canonical\" href=\"")
                .append(escape(pageUrl))
                .append("\" />\n");
        String page = html.replaceFirst(
                "<title>[^<]*</title>",
                Matcher.quoteReplacement("<title>" + escape(title + " | Pilimarket") + "</title>"));
        page = page.replaceFirst(
                "<meta name=\"description\" content=\"[^\"]*\"\\s*/?>",
                Matcher.quoteReplacement("<meta name=\"description\" content=\"" + escape(description) + "\" />"));
        if (language == Language.FIL) {
            page = page.replaceFirst("<html lang=\"en\">", "<html lang=\"fil\">");
        }
        int head = page.indexOf("</head>");
        return head < 0 ? page : page.substring(0, head) + meta + page.substring(head);
    }

    private static String property(String property, String content) {
        return "    <meta property=\"" + property + "\" content=\"" + escape(content) + "\" />\n";
    }

    private static String metaName(String name, String content) {
        return "    <meta name=\"" + name + "\" content=\"" + escape(content) + "\" />\n";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    /** The built app's index.html; a minimal page where the app was not built (backend-only tests). */
    static String appPage() {
        ClassPathResource index = new ClassPathResource("/static/index.html");
        if (index.exists()) {
            try (InputStream in = index.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                // fall through to the minimal page
            }
        }
        return "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"UTF-8\" />\n"
                + "    <title>Pilimarket</title>\n  </head>\n  <body>\n    <div id=\"root\"></div>\n  </body>\n</html>\n";
    }
}
