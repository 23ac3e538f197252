package com.pilimarket.sharing.internal;

import com.pilimarket.leaderboard.Ranks;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.Texts;
import com.pilimarket.users.Badge;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.Users;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The HTML of {@code /u/{handle}} with the forecaster's Open Graph and Twitter meta, and the card
 * image they name (name, handle, reputation, all-time rank, badges). An unknown handle is a 404:
 * the plain app page (whose router shows "not found") and no image. Old {@code /users/{id}} links
 * move to {@code /u/{handle}}.
 */
@Controller
@Hidden
class ProfileShareController {

    private final Users users;
    private final Ranks ranks;
    private final Texts texts;
    private final CardRenderer renderer;

    ProfileShareController(Users users, Ranks ranks, Texts texts, CardRenderer renderer) {
        this.users = users;
        this.ranks = ranks;
        this.texts = texts;
        this.renderer = renderer;
    }

    @GetMapping(value = "/u/{handle}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String handle, @RequestParam(required = false) String lang) {
        Optional<UserAccount> user = users.findByHandle(handle);
        String html = SharePage.appPage();
        if (user.isPresent()) {
            html = sharePage(user.get(), SharePage.language(lang)).withMeta(html);
        }
        return ResponseEntity.status(user.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(html);
    }

    /**
     * An old profile link ({@code /users/{id}}) moves permanently to {@code /u/{handle}}, so a crawler
     * unfurls it with the profile's card too (the app redirects as well, for links opened inside it).
     */
    @GetMapping(value = "/users/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> oldLink(@PathVariable String id) {
        Optional<UserAccount> user = uuid(id).flatMap(users::find);
        if (user.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(SharePage.appPage());
        }
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .location(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/u/{handle}")
                        .buildAndExpand(user.get().handle())
                        .encode()
                        .toUri())
                .build();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @GetMapping(value = "/u/{handle}/card.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> card(@PathVariable String handle, @RequestParam(required = false) String lang) {
        Optional<UserAccount> user = users.findByHandle(handle);
        if (user.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        ProfileCard card = card(user.get(), SharePage.language(lang));
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .eTag('"' + card.version() + '"')
                .body(renderer.png(card));
    }

    ProfileCard card(UserAccount user, Language language) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.US);
        OptionalInt rank = ranks.allTimeRank(user.id());
        List<String> badges = users.badges(user.id()).stream()
                .map(Badge::badge)
                .map(id ->
                        Optional.ofNullable(texts.find(language, "badge." + id)).orElse(id))
                .toList();
        return new ProfileCard(
                user.handle(),
                user.displayName(),
                number.format(Math.round(user.reputation())),
                texts.get(language, "share.profile.reputation"),
                rank.isPresent() ? "#" + number.format(rank.getAsInt()) : "—",
                texts.get(language, rank.isPresent() ? "share.profile.rank" : "share.profile.unranked"),
                badges,
                badges.isEmpty()
                        ? texts.get(language, "share.profile.noBadges")
                        : texts.get(language, "share.profile.badges", Integer.toString(badges.size())),
                texts.get(language, "share.footer"));
    }

    private SharePage sharePage(UserAccount user, Language language) {
        ProfileCard card = card(user, language);
        String pageUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/u/{handle}")
                .buildAndExpand(user.handle())
                .encode()
                .toUriString();
        String imageUrl = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/u/{handle}/card.png")
                .queryParam("lang", language.value())
                .queryParam("v", card.version())
                .buildAndExpand(user.handle())
                .encode()
                .toUriString();
        String title = card.displayName() + " (@" + card.handle() + ")";
        String rank = card.rankText().startsWith("#")
                ? texts.get(language, "share.profile.rankShort", card.rankText())
                : card.rankLabel();
        String description =
                texts.get(language, "share.profile.description", card.reputationText(), rank, card.badgesText());
        return new SharePage(
                "profile",
                title,
                description,
                pageUrl,
                imageUrl,
                CardRenderer.WIDTH,
                CardRenderer.HEIGHT,
                title,
                language);
    }
}
