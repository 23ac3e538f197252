package com.pilimarket.sharing;

import static com.pilimarket.support.TestMarkets.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.forecasting.Forecasts;
import com.pilimarket.forecasting.PlaceForecast;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.NewMarket;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestUsers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ShareCardsIntegrationTests {

    private final HttpClient client = HttpClient.newHttpClient();

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets markets;

    @Autowired
    Forecasts forecasts;

    @Autowired
    JdbcClient jdbc;

    private MarketDetail market(String title, String titleFil, List<String> outcomes, List<String> outcomesFil) {
        return markets.create(
                users.admin().id(),
                new NewMarket(
                        title,
                        "Shared market",
                        "sports",
                        outcomes,
                        OffsetDateTime.now(ZoneOffset.UTC).plusDays(7),
                        null,
                        10_000L,
                        Map.of(),
                        titleFil,
                        null,
                        outcomesFil));
    }

    private HttpResponse<String> page(String path, String language) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(http.baseUrl() + path)).header("Accept", "text/html");
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> image(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(http.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void a_market_link_unfurls_with_open_graph_and_twitter_meta_in_the_servers_html() throws Exception {
        MarketDetail market = market("Will \"Gilas\" beat Japan & Korea?", null, List.of("Yes", "No", "Draw"), null);
        var backer = users.create(1_000);
        forecasts.place(backer.id(), new PlaceForecast(market.id(), outcome(market, 0), 300));

        HttpResponse<String> response = page("/markets/" + market.slug(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = response.body();
        assertThat(html)
                .contains("<meta property=\"og:title\" content=\"Will &quot;Gilas&quot; beat Japan &amp; Korea?\" />")
                .contains("<meta property=\"og:locale\" content=\"en_PH\" />")
                .contains(
                        "<meta property=\"og:url\" content=\"" + http.baseUrl() + "/markets/" + market.slug() + "\" />")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\" />")
                .contains("<title>Will &quot;Gilas&quot; beat Japan &amp; Korea? | Pilimarket</title>")
                .doesNotContain("Will \"Gilas\"");
        String description = between(html, "<meta property=\"og:description\" content=\"", "\"");
        assertThat(description).startsWith("Yes ").contains("%").contains("300 chips in play · 1 forecasters");
        String image = between(html, "<meta property=\"og:image\" content=\"", "\"");
        assertThat(image).startsWith(http.baseUrl() + "/markets/" + market.slug() + "/card.png?lang=en&amp;v=");
        assertThat(html.indexOf("og:title")).isLessThan(html.indexOf("</head>"));
    }

    @Test
    void a_filipino_reader_gets_the_filipino_title_and_locale() throws Exception {
        MarketDetail market = market(
                "Will it rain in Manila on Friday?",
                "Uulan ba sa Maynila sa Biyernes?",
                List.of("Yes", "No"),
                List.of("Oo", "Hindi"));

        String html = page("/markets/" + market.slug(), "fil").body();

        assertThat(html)
                .contains("<meta property=\"og:title\" content=\"Uulan ba sa Maynila sa Biyernes?\" />")
                .contains("<meta property=\"og:locale\" content=\"fil_PH\" />")
                .contains("<meta property=\"og:locale:alternate\" content=\"en_PH\" />");
        assertThat(between(html, "<meta property=\"og:description\" content=\"", "\""))
                .contains("Oo 50%")
                .contains("chips ang nakataya");
        assertThat(page("/markets/" + market.slug() + "?lang=en", "fil").body())
                .contains("<meta property=\"og:locale\" content=\"en_PH\" />");
    }

    @Test
    void an_unknown_market_gets_the_plain_app_page() throws Exception {
        HttpResponse<String> response = page("/markets/no-such-market-here", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"root\"").doesNotContain("og:title");
        assertThat(image("/markets/no-such-market-here/card.png").statusCode()).isEqualTo(404);
    }

    @Test
    void the_card_is_a_1200_by_630_png_redrawn_when_the_odds_move() throws Exception {
        MarketDetail market = market("Card market", null, List.of("Yes", "No"), null);

        HttpResponse<byte[]> first = image("/markets/" + market.slug() + "/card.png");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(first.body()));
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(630);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(image("/markets/" + market.slug() + "/card.png").headers().firstValue("ETag"))
                .contains(etag);

        var backer = users.create(1_000);
        forecasts.place(backer.id(), new PlaceForecast(market.id(), outcome(market, 1), 500));

        HttpResponse<byte[]> moved = image("/markets/" + market.slug() + "/card.png");
        assertThat(moved.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(moved.body()).isNotEqualTo(first.body());
    }

    private TestUsers.TestUser forecaster(String name) {
        var user = users.create(1_000);
        jdbc.sql("UPDATE users SET display_name = :name, reputation = 42.4 WHERE id = :id")
                .param("name", name)
                .param("id", user.id())
                .update();
        jdbc.sql("INSERT INTO user_badges (user_id, badge) VALUES (:id, 'first_win')")
                .param("id", user.id())
                .update();
        return user;
    }

    @Test
    void a_profile_link_unfurls_with_the_forecasters_name_reputation_and_badges() throws Exception {
        var ana = forecaster("Ana <b>\"Reyes\"</b>");
        String handle = ana.account().handle();

        HttpResponse<String> english = page("/u/" + handle.toUpperCase(), null);

        assertThat(english.statusCode()).isEqualTo(200);
        String html = english.body();
        String title = "Ana &lt;b&gt;&quot;Reyes&quot;&lt;/b&gt; (@" + handle + ")";
        assertThat(html)
                .contains("<meta property=\"og:type\" content=\"profile\" />")
                .contains("<meta property=\"og:title\" content=\"" + title + "\" />")
                .contains("<meta property=\"og:locale\" content=\"en_PH\" />")
                .contains("<meta property=\"og:locale:alternate\" content=\"fil_PH\" />")
                .contains("<meta property=\"og:url\" content=\"" + http.baseUrl() + "/u/" + handle + "\" />")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\" />")
                .doesNotContain("<b>\"Reyes");
        assertThat(between(html, "<meta property=\"og:description\" content=\"", "\""))
                .startsWith("Reputation 42 · ")
                .contains("1 badges");
        assertThat(between(html, "<meta property=\"og:image\" content=\"", "\""))
                .startsWith(http.baseUrl() + "/u/" + handle + "/card.png?lang=en&amp;v=");

        String filipino = page("/u/" + handle, "fil").body();
        assertThat(filipino)
                .contains("<html lang=\"fil\">")
                .contains("<meta property=\"og:locale\" content=\"fil_PH\" />")
                .contains("<meta property=\"og:locale:alternate\" content=\"en_PH\" />");
        assertThat(between(filipino, "<meta property=\"og:description\" content=\"", "\""))
                .startsWith("Reputasyon 42 · ")
                .contains("1 badge");
    }

    @Test
    void a_profile_card_is_a_1200_by_630_png_redrawn_when_a_badge_is_earned() throws Exception {
        var ana = forecaster("Ana Card");
        String path = "/u/" + ana.account().handle() + "/card.png";

        HttpResponse<byte[]> first = image(path);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(first.body()));
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(630);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        jdbc.sql("INSERT INTO user_badges (user_id, badge) VALUES (:id, 'sharp_10')")
                .param("id", ana.id())
                .update();

        HttpResponse<byte[]> earned = image(path);
        assertThat(earned.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(earned.body()).isNotEqualTo(first.body());
    }

    @Test
    void an_old_users_id_link_moves_permanently_to_the_handle() throws Exception {
        var ana = forecaster("Ana Moved");

        HttpResponse<String> moved = page("/users/" + ana.id(), null);

        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location"))
                .contains(http.baseUrl() + "/u/" + ana.account().handle());
        assertThat(page("/users/" + java.util.UUID.randomUUID(), null).statusCode())
                .isEqualTo(404);
        assertThat(page("/users/not-a-uuid", null).statusCode()).isEqualTo(404);
    }

    @Test
    void an_unknown_handle_is_not_found() throws Exception {
        HttpResponse<String> response = page("/u/nobody_has_this", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("id=\"root\"").doesNotContain("og:title");
        assertThat(image("/u/nobody_has_this/card.png").statusCode()).isEqualTo(404);
        assertThat(image("/u/%3Cscript%3E/card.png").statusCode()).isEqualTo(404);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isGreaterThanOrEqualTo(0);
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }
}
