package com.pilimarket.sharing.internal;

import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.OutcomeView;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Texts;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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
        String html = SharePage.appPage();
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

    private static Language language(String lang) {
        return SharePage.language(lang);
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
        return new SharePage(
                        "website",
                        card.title(),
                        description,
                        pageUrl,
                        imageUrl,
                        CardRenderer.WIDTH,
                        CardRenderer.HEIGHT,
                        card.title(),
                        language)
                .withMeta(html);
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
}
