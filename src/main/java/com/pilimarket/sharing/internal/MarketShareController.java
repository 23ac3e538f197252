package com.pilimarket.sharing.internal;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.OutcomeView;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Texts;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of {@code /markets/{slug}} with the market's Open Graph and Twitter meta (crawlers run no
 * JavaScript, so the app's own page is not enough), and the card image those tags name. A slug that
 * names no market gets the plain app page, whose router shows its not-found page.
 */
@Controller
@Hidden
class MarketShareController {

    static final int TOP_OUTCOMES = 3;

    private final Markets markets;
    private final Texts texts;
    private final CardRenderer renderer;

    MarketShareController(Markets markets, Texts texts, CardRenderer renderer) {
        this.markets = markets;
        this.texts = texts;
        this.renderer = renderer;
    }

    @GetMapping(value = "/markets/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String slug, @RequestParam(required = false) String lang) {
        Language language = language(lang);
        String html = appPage();
        Optional<MarketDetail> market = find(slug);
        if (market.isPresent()) {
            html = withMeta(html, market.get(), language);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(html);
    }

    @GetMapping(value = "/markets/{slug}/card.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> card(@PathVariable String slug, @RequestParam(required = false) String lang) {
        Optional<MarketDetail> market = find(slug);
        if (market.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        MarketCard card = card(market.get(), language(lang));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .eTag('"' + card.version() + '"')
                .body(renderer.png(card));
    }

    private Optional<MarketDetail> find(String slug) {
        if (slug == null || slug.length() > 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(markets.detail(slug, null));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** {@code ?lang=fil} (or {@code en}) wins; else the caller's language (Accept-Language). */
    private static Language language(String lang) {
        return Language.fromTag(lang).orElseGet(Texts::current);
    }

    MarketCard card(MarketDetail market, Language language) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.US);
        List<MarketCard.Line> top = market.outcomes().stream()
                .sorted(Comparator.comparingDouble(OutcomeView::probability).reversed())
                .limit(TOP_OUTCOMES)
                .map(o -> new MarketCard.Line(name(o, language), (int) Math.round(o.probability() * 100)))
                .toList();
        String volume = texts.get(
                language, "share.volume", number.format(market.totalPoints()), number.format(market.forecasterCount()));
        return new MarketCard(
                market.slug(),
                title(market, language),
                top,
                market.totalPoints(),
                market.forecasterCount(),
                market.status(),
                volume,
                texts.get(language, "share.footer"));
    }

    private String withMeta(String html, MarketDetail market, Language language) {
        MarketCard card = card(market, language);
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/markets/{slug}")
                .buildAndExpand(market.slug())
                .encode()
                .toUriString();
        String imageUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/markets/{slug}/card.png")
                .queryParam("lang", language.value())
                .queryParam("v", card.version())
                .buildAndExpand(market.slug())
                .encode()
                .toUriString();
        String odds = card.outcomes().stream()
                .map(o -> o.name() + " " + o.percent() + "%")
                .collect(Collectors.joining(" · "));
        String description = odds + " — " + card.volumeText();
        String title = card.title() + " | Pilimarket";
        String locale = language == Language.FIL ? "fil_PH" : "en_PH";
        String alternate = language == Language.FIL ? "en_PH" : "fil_PH";
        StringBuilder meta = new StringBuilder();
        meta.append(property("og:type", "website"))
                .append(property("og:site_name", "Pilimarket"))
                .append(property("og:title", card.title()))
                .append(property("og:description", description))
                .append(property("og:url", pageUrl))
                .append(property("og:image", imageUrl))
                .append(property("og:image:type", "image/png"))
                .append(property("og:image:width", Integer.toString(CardRenderer.WIDTH)))
                .append(property("og:image:height", Integer.toString(CardRenderer.HEIGHT)))
                .append(property("og:image:alt", card.title()))
                .append(property("og:locale", locale))
                .append(property("og:locale:alternate", alternate))
                .append(metaName("twitter:card", "summary_large_image"))
                .append(metaName("twitter:title", card.title()))
                .append(metaName("twitter:description", description))
                .append(metaName("twitter:image", imageUrl))
                .append("    <link rel=\"canonical\" href=\"")
                .append(escape(pageUrl))
                .append("\" />\n");
        String page = html.replaceFirst(
                "<title>[^<]*</title>",
                java.util.regex.Matcher.quoteReplacement("<title>" + escape(title) + "</title>"));
        page = page.replaceFirst(
                "<meta name=\"description\" content=\"[^\"]*\"\\s*/?>",
                java.util.regex.Matcher.quoteReplacement(
                        "<meta name=\"description\" content=\"" + escape(description) + "\" />"));
        if (language == Language.FIL) {
            page = page.replaceFirst("<html lang=\"en\">", "<html lang=\"fil\">");
        }
        int head = page.indexOf("</head>");
        return head < 0 ? page : page.substring(0, head) + meta + page.substring(head);
    }

    private static String title(MarketDetail market, Language language) {
        return language == Language.FIL
                        && market.titleFil() != null
                        && !market.titleFil().isBlank()
                ? market.titleFil()
                : market.title();
    }

    private static String name(OutcomeView outcome, Language language) {
        return language == Language.FIL
                        && outcome.nameFil() != null
                        && !outcome.nameFil().isBlank()
                ? outcome.nameFil()
                : outcome.name();
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
    private static String appPage() {
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
