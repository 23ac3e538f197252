package com.pilimarket.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.markets.MarketDetail;
import com.pilimarket.markets.MarketEdit;
import com.pilimarket.markets.Markets;
import com.pilimarket.markets.ResolveMarket;
import com.pilimarket.shared.SystemInvariants;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.SseClient;
import com.pilimarket.support.TestEvents;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMarkets;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import com.pilimarket.users.UserRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CommentsIntegrationTests {

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    Markets marketsApi;

    @Autowired
    com.pilimarket.markets.internal.MarketAdministration marketAdmin;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    SystemInvariants invariants;

    @Autowired
    TestMarkets markets;

    @Autowired
    TestEvents events;

    TestUser admin;
    TestUser moderator;
    MarketDetail market;

    @BeforeEach
    void aMarket() {
        admin = users.create(0, UserRole.ADMIN);
        moderator = users.create(0, UserRole.MODERATOR);
        market = markets.open("Will it rain in Manila on Friday?", "Yes", "No");
    }

    @AfterEach
    void theAuditChainAndTheMoneyHold() {
        assertThat(auditLog.verify().intact()).isTrue();
        assertThat(invariants.check().violations()).isEmpty();
    }

    // ------------------------------------------------------------------ positions

    @Test
    void a_comment_shows_the_authors_stake_as_it_was_when_they_wrote_it() {
        TestUser ana = users.create(1_000);
        forecast(ana, 0, 200);

        JsonNode first = comment(ana, "Rain for sure, PAGASA says so").data();
        assertThat(first.get("position").get("outcome_id").asString())
                .isEqualTo(TestMarkets.outcome(market, 0).toString());
        assertThat(first.get("position").get("outcome_name").asString()).isEqualTo("Yes");
        assertThat(first.get("position").get("points").asLong()).isEqualTo(200);

        forecast(ana, 0, 100);
        JsonNode second = comment(ana, "Added more").data();
        assertThat(second.get("position").get("points").asLong()).isEqualTo(300);

        // The first comment still says what she held when she wrote it.
        JsonNode listed = byId(list(null), first.get("id").asString());
        assertThat(listed.get("position").get("points").asLong()).isEqualTo(200);
    }

    @Test
    void a_commenter_without_a_stake_has_no_position() {
        TestUser ben = users.create(1_000);
        JsonNode comment = comment(ben, "Just watching").data();
        assertThat(comment.get("position").isNull()).isTrue();
        assertThat(comment.get("user").get("id").asString()).isEqualTo(ben.id().toString());
        assertThat(comment.get("user").get("handle").asString())
                .isNotBlank()
                .isEqualTo(ben.account().handle());
        assertThat(comment.get("likes").asInt()).isZero();
        assertThat(comment.get("liked_by_me").asBoolean()).isFalse();
        assertThat(comment.get("hidden").asBoolean()).isFalse();
        assertThat(comment.get("edited_at").isNull()).isTrue();
        assertThat(comment.get("parent_id").isNull()).isTrue();
    }

    @Test
    void the_position_names_the_outcome_in_filipino_for_filipino_readers() {
        marketAdmin.edit(
                admin.id(),
                market.id(),
                new MarketEdit(null, null, null, null, null, null, null, null, null, null, List.of("Oo", "Hindi")));
        TestUser ana = users.create(1_000);
        forecast(ana, 0, 50);
        comment(ana, "Uulan");
        Result fil = http.get("/api/v1/markets/" + market.id() + "/comments")
                .header("Accept-Language", "fil")
                .send();
        assertThat(fil.data().get(0).get("position").get("outcome_name").asString())
                .isEqualTo("Oo");
        assertThat(list(null).data().get(0).get("position").get("outcome_name").asString())
                .isEqualTo("Yes");
    }

    // ------------------------------------------------------------------ text

    @Test
    void markup_is_never_stored_and_links_stay_plain_text() {
        TestUser ana = users.create(0);
        JsonNode c = comment(
                        ana,
                        "<script>alert(1)</script>Read <b>this</b>: https://pagasa.dost.gov.ph/?a=1&b=2"
                                + " <img src=x onerror=alert(2)> &lt;iframe src=javascript:alert(3)&gt;")
                .data();
        String body = c.get("body").asString();
        assertThat(body).doesNotContain("<", "script", "onerror", "iframe");
        assertThat(body).contains("Read this: https://pagasa.dost.gov.ph/?a=1&b=2");
    }

    @Test
    void a_body_of_1_to_2000_characters_is_accepted() {
        TestUser ana = users.create(0);
        assertThat(comment(ana, "k").status()).isEqualTo(201);
        assertThat(comment(ana, "ñ".repeat(2_000)).status()).isEqualTo(201);
        assertThat(countComments()).isEqualTo(2);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                arguments("empty", ""),
                arguments("only white space", "   \n\t "),
                arguments("only invisible characters", "\u200B\u200B\u2060"),
                arguments("only markup", "<p></p>"),
                arguments("2,001 characters", "x".repeat(2_001)),
                arguments("50,000 characters", "y".repeat(50_000)));
    }

    @ParameterizedTest(name = "a body of {0} is refused and nothing is stored")
    @MethodSource("badBodies")
    void any_other_body_is_refused_with_nothing_stored(String name, String body) {
        TestUser ana = users.create(0);

        Result refused = comment(ana, body);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(countComments()).isZero();
    }

    @Test
    void hostile_requests_get_a_4xx_envelope_and_change_nothing() {
        TestUser ana = users.create(0);
        String path = "/api/v1/markets/" + market.id() + "/comments";
        assertThat(http.post(path, null)
                        .bearer(ana.token())
                        .rawBody("{\"body\": {\"x\": 1}}")
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.post(path, null)
                        .bearer(ana.token())
                        .rawBody("not json")
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.post(path, Map.of()).bearer(ana.token()).send().errorCode())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.post(path, Map.of("body", "hi", "parent_id", "nope"))
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                path,
                                Map.of(
                                        "body",
                                        "hi",
                                        "parent_id",
                                        UUID.randomUUID().toString()))
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/markets/" + UUID.randomUUID() + "/comments", Map.of("body", "hi"))
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/markets/not-a-uuid/comments", Map.of("body", "hi"))
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/markets/" + market.id() + "/comments?sort=hot")
                        .send()
                        .errorCode())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(http.get("/api/v1/markets/" + market.id() + "/comments?page=0")
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(http.post(path, Map.of("body", "anonymous")).send().status()).isEqualTo(401);

        // A parent on another market is not a parent here.
        MarketDetail other = markets.open("Another market?", "A", "B");
        String elsewhere = http.post("/api/v1/markets/" + other.id() + "/comments", Map.of("body", "there"))
                .bearer(ana.token())
                .send()
                .data()
                .get("id")
                .asString();
        assertThat(http.post(path, Map.of("body", "hi", "parent_id", elsewhere))
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(countComments()).isZero();
    }

    // ------------------------------------------------------------------ replies, likes, sorting

    @Test
    void replies_are_one_level_deep_and_a_reply_to_a_reply_joins_the_thread() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        TestUser cy = users.create(0);
        String root = comment(ana, "Root").data().get("id").asString();
        JsonNode reply = reply(ben, root, "First answer").data();
        assertThat(reply.get("parent_id").asString()).isEqualTo(root);
        JsonNode replyToReply =
                reply(cy, reply.get("id").asString(), "Answering Ben").data();
        assertThat(replyToReply.get("parent_id").asString()).isEqualTo(root);

        JsonNode threads = list(null).data();
        assertThat(threads).hasSize(1);
        JsonNode thread = threads.get(0);
        assertThat(thread.get("id").asString()).isEqualTo(root);
        assertThat(thread.get("replies")).hasSize(2);
        assertThat(thread.get("replies").get(0).get("body").asString()).isEqualTo("First answer");
        assertThat(thread.get("replies").get(1).get("body").asString()).isEqualTo("Answering Ben");
        assertThat(list(null).body().get("pagination").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void likes_count_once_per_reader_and_top_sorts_by_them() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        TestUser cy = users.create(0);
        String older = comment(ana, "Older but liked").data().get("id").asString();
        String newer = comment(ana, "Newer").data().get("id").asString();

        Result liked = http.post("/api/v1/comments/" + older + "/like", null)
                .bearer(ben.token())
                .send();
        assertThat(liked.data().get("likes").asInt()).isEqualTo(1);
        http.post("/api/v1/comments/" + older + "/like", null)
                .bearer(ben.token())
                .send();
        assertThat(http.post("/api/v1/comments/" + older + "/like", null)
                        .bearer(cy.token())
                        .send()
                        .data()
                        .get("likes")
                        .asInt())
                .isEqualTo(2);

        assertThat(ids(list(null))).containsExactly(newer, older);
        assertThat(ids(list("top"))).containsExactly(older, newer);
        JsonNode asBen = byId(
                http.get("/api/v1/markets/" + market.id() + "/comments")
                        .bearer(ben.token())
                        .send(),
                older);
        assertThat(asBen.get("liked_by_me").asBoolean()).isTrue();
        assertThat(asBen.get("likes").asInt()).isEqualTo(2);

        Result unliked = http.delete("/api/v1/comments/" + older + "/like")
                .bearer(ben.token())
                .send();
        assertThat(unliked.data().get("likes").asInt()).isEqualTo(1);
        assertThat(unliked.data().get("liked_by_me").asBoolean()).isFalse();
        http.delete("/api/v1/comments/" + older + "/like").bearer(ben.token()).send();
        assertThat(byId(list(null), older).get("likes").asInt()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ edit and delete

    @Test
    void the_author_may_edit_within_ten_minutes_and_nobody_else_ever() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        String id = comment(ana, "Typo hre").data().get("id").asString();

        Result edited = http.patch("/api/v1/comments/" + id, Map.of("body", "Typo <i>here</i>"))
                .bearer(ana.token())
                .send();
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.data().get("body").asString()).isEqualTo("Typo here");
        assertThat(edited.data().get("edited_at").isNull()).isFalse();

        assertThat(http.patch("/api/v1/comments/" + id, Map.of("body", "Hijack"))
                        .bearer(ben.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.patch("/api/v1/comments/" + id, Map.of("body", ""))
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(400);

        jdbc.sql("UPDATE comments SET created_at = now() - interval '11 minutes' WHERE id = :id")
                .param("id", UUID.fromString(id))
                .update();
        Result late = http.patch("/api/v1/comments/" + id, Map.of("body", "Too late"))
                .bearer(ana.token())
                .send();
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.errorCode()).isEqualTo("EDIT_WINDOW_CLOSED");
        assertThat(byId(list(null), id).get("body").asString()).isEqualTo("Typo here");
    }

    @Test
    void the_author_deletes_their_own_comment_and_its_replies_keep_their_place() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        String lonely = comment(ana, "Nobody answers this").data().get("id").asString();
        String answered = comment(ana, "Ben answers this").data().get("id").asString();
        reply(ben, answered, "Here I am");

        assertThat(http.delete("/api/v1/comments/" + answered)
                        .bearer(ben.token())
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.delete("/api/v1/comments/" + lonely)
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(http.delete("/api/v1/comments/" + answered)
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(http.delete("/api/v1/comments/" + answered)
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(404);

        JsonNode threads = list(null).data();
        assertThat(threads).hasSize(1);
        JsonNode placeholder = threads.get(0);
        assertThat(placeholder.get("id").asString()).isEqualTo(answered);
        assertThat(placeholder.get("deleted").asBoolean()).isTrue();
        assertThat(placeholder.get("body").asString()).isEmpty();
        assertThat(placeholder.get("replies").get(0).get("body").asString()).isEqualTo("Here I am");
        assertThat(jdbc.sql("SELECT body FROM comments WHERE id = :id")
                        .param("id", UUID.fromString(answered))
                        .query(String.class)
                        .single())
                .isEmpty();
    }

    // ------------------------------------------------------------------ limits and accounts

    @Test
    void the_eleventh_comment_within_a_minute_is_refused_with_retry_after() {
        TestUser ana = users.create(0);
        for (int i = 0; i < 10; i++) {
            assertThat(comment(ana, "Comment " + i).status()).isEqualTo(201);
        }
        Result limited = comment(ana, "One too many");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(countComments()).isEqualTo(10);

        // Someone else is not held back by Ana's limit; Ana may write again once a minute has passed.
        assertThat(comment(users.create(0), "Me too").status()).isEqualTo(201);
        jdbc.sql("UPDATE comments SET created_at = created_at - interval '61 seconds' WHERE user_id = :u")
                .param("u", ana.id())
                .update();
        assertThat(comment(ana, "Back again").status()).isEqualTo(201);
    }

    @Test
    void parallel_posts_cannot_squeeze_past_the_limit() throws Exception {
        TestUser ana = users.create(0);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String body = "Burst " + i;
                statuses.add(pool.submit(() -> comment(ana, body).status()));
            }
            List<Integer> answers = new ArrayList<>();
            for (var status : statuses) {
                answers.add(status.get());
            }
            assertThat(answers).filteredOn(s -> s == 201).hasSize(10);
            assertThat(answers).filteredOn(s -> s == 429).hasSize(6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(countComments()).isEqualTo(10);
    }

    @Test
    void suspended_and_banned_accounts_cannot_write_but_can_read() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        String id = comment(ben, "Hello").data().get("id").asString();
        setStatus(ana, "suspended");
        Result suspended = comment(ana, "Let me in");
        assertThat(suspended.status()).isEqualTo(403);
        assertThat(suspended.errorCode()).isEqualTo("ACCOUNT_SUSPENDED");
        assertThat(http.post("/api/v1/comments/" + id + "/like", null)
                        .bearer(ana.token())
                        .send()
                        .errorCode())
                .isEqualTo("ACCOUNT_SUSPENDED");
        assertThat(http.get("/api/v1/markets/" + market.id() + "/comments")
                        .bearer(ana.token())
                        .send()
                        .status())
                .isEqualTo(200);

        setStatus(ben, "banned");
        assertThat(comment(ben, "Still here?").errorCode()).isEqualTo("ACCOUNT_BANNED");
        assertThat(countComments()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ moderation

    @Test
    void a_report_puts_the_comment_in_the_moderators_queue_and_hiding_it_settles_the_report() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        TestUser cy = users.create(0);
        String id = comment(ana, "Buy my scam coin at https://scam.example")
                .data()
                .get("id")
                .asString();

        assertThat(http.post("/api/v1/comments/" + id + "/report", Map.of("reason", "spam <b>link</b>"))
                        .bearer(ben.token())
                        .send()
                        .data()
                        .get("reported_by_me")
                        .asBoolean())
                .isTrue();
        http.post("/api/v1/comments/" + id + "/report", Map.of())
                .bearer(ben.token())
                .send();
        // Reports reach moderation asynchronously: Ben's first, so that his raises the flag.
        events.awaitListeners();
        http.post("/api/v1/comments/" + id + "/report", null).bearer(cy.token()).send();
        Result own = http.post("/api/v1/comments/" + id + "/report", null)
                .bearer(ana.token())
                .send();
        assertThat(own.status()).isEqualTo(422);
        events.awaitListeners();

        JsonNode flags = http.get("/api/v1/admin/flags?rule=comment_reported")
                .bearer(moderator.token())
                .send()
                .data();
        List<JsonNode> ours = new ArrayList<>();
        flags.forEach(f -> {
            if (f.get("subject_id").asString().equals(id)) {
                ours.add(f);
            }
        });
        assertThat(ours).hasSize(1);
        JsonNode flag = ours.get(0);
        assertThat(flag.get("subject_type").asString()).isEqualTo("comment");
        assertThat(flag.get("user").get("id").asString()).isEqualTo(ana.id().toString());
        assertThat(flag.get("subject").get("comment_body").asString()).contains("scam coin");
        assertThat(flag.get("subject").get("comment_reports").asInt()).isEqualTo(2);
        assertThat(flag.get("subject").get("market_id").asString())
                .isEqualTo(market.id().toString());
        assertThat(flag.get("evidence").get("reason").asString()).isEqualTo("spam link");

        // Readers cannot hide; a moderator can.
        assertThat(http.post("/api/v1/admin/comments/" + id + "/hide", Map.of())
                        .bearer(ben.token())
                        .send()
                        .status())
                .isEqualTo(403);
        Result hidden = http.post("/api/v1/admin/comments/" + id + "/hide", Map.of("reason", "spam"))
                .bearer(moderator.token())
                .send();
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.data().get("hidden").asBoolean()).isTrue();
        assertThat(http.post("/api/v1/admin/comments/" + id + "/hide", null)
                        .bearer(moderator.token())
                        .send()
                        .errorCode())
                .isEqualTo("INVALID_STATE");
        events.awaitListeners();

        JsonNode asReader = byId(list(null), id);
        assertThat(asReader.get("hidden").asBoolean()).isTrue();
        assertThat(asReader.get("body").asString()).isEmpty();
        JsonNode asModerator = byId(
                http.get("/api/v1/markets/" + market.id() + "/comments")
                        .bearer(moderator.token())
                        .send(),
                id);
        assertThat(asModerator.get("body").asString()).contains("scam coin");
        JsonNode asAuthor = byId(
                http.get("/api/v1/markets/" + market.id() + "/comments")
                        .bearer(ana.token())
                        .send(),
                id);
        assertThat(asAuthor.get("body").asString()).contains("scam coin");
        assertThat(reply(cy, id, "replying to spam").errorCode()).isEqualTo("INVALID_STATE");

        String flagStatus = jdbc.sql("SELECT status FROM flags WHERE subject_id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(flagStatus).isEqualTo("cleared");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'comment.hide' AND target_id = :id"
                                + " AND actor_id = :actor")
                        .param("id", id)
                        .param("actor", moderator.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Result restored = http.post("/api/v1/admin/comments/" + id + "/restore", Map.of("reason", "appeal upheld"))
                .bearer(moderator.token())
                .send();
        assertThat(restored.data().get("hidden").asBoolean()).isFalse();
        assertThat(byId(list(null), id).get("body").asString()).contains("scam coin");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'comment.restore' AND target_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------ notifications

    @Test
    void a_reply_notifies_the_parents_author_in_their_language_unless_they_turned_it_off() {
        TestUser ana = users.create(0);
        TestUser ben = users.create(0);
        String root = comment(ana, "Who agrees?").data().get("id").asString();
        reply(ana, root, "Bumping my own comment");
        reply(ben, root, "I do, strongly");
        events.awaitListeners();

        JsonNode notifications = http.get("/api/v1/notifications")
                .bearer(ana.token())
                .header("Accept-Language", "fil")
                .send()
                .data();
        assertThat(notifications).hasSize(1);
        JsonNode n = notifications.get(0);
        assertThat(n.get("type").asString()).isEqualTo("comment_reply");
        assertThat(n.get("title").asString()).isEqualTo("May sumagot sa comment mo");
        assertThat(n.get("message").asString())
                .contains("Sinagot ni Tester")
                .contains("Will it rain in Manila on Friday?")
                .contains("I do, strongly");
        assertThat(n.get("link").asString()).startsWith("/markets/" + market.slug() + "#comment-");
        assertThat(http.get("/api/v1/notifications")
                        .bearer(ana.token())
                        .send()
                        .data()
                        .get(0)
                        .get("title")
                        .asString())
                .isEqualTo("New reply");

        Result off = http.put("/api/v1/users/me/notification-preferences", Map.of("comment_reply", false))
                .bearer(ana.token())
                .send();
        assertThat(off.data().get("comment_reply").asBoolean()).isFalse();
        assertThat(off.data().get("market_resolved").asBoolean()).isTrue();
        reply(ben, root, "Still agree");
        events.awaitListeners();
        assertThat(http.get("/api/v1/notifications").bearer(ana.token()).send().data())
                .hasSize(1);
    }

    // ------------------------------------------------------------------ the 7-day window

    @Test
    void comments_on_an_ended_market_stay_writable_for_seven_days_then_read_only() {
        TestUser ana = users.create(1_000);
        TestUser ben = users.create(0);
        forecast(ana, 0, 100);
        String before = comment(ben, "Before the end").data().get("id").asString();
        marketsApi.resolve(
                admin.id(),
                market.id(),
                new ResolveMarket(TestMarkets.outcome(market, 0), List.of("https://pagasa.dost.gov.ph"), "It rained"));
        events.awaitListeners();

        JsonNode after = comment(ana, "Told you").data();
        assertThat(after.get("position").get("points").asLong()).isEqualTo(100);

        jdbc.sql("UPDATE comment_market_endings SET ended_at = now() - interval '6 days 23 hours' WHERE market_id = :m")
                .param("m", market.id())
                .update();
        assertThat(comment(ben, "Still open").status()).isEqualTo(201);

        jdbc.sql("UPDATE comment_market_endings SET ended_at = now() - interval '7 days 1 minute' WHERE market_id = :m")
                .param("m", market.id())
                .update();
        Result closed = comment(ben, "Too late");
        assertThat(closed.status()).isEqualTo(422);
        assertThat(closed.errorCode()).isEqualTo("COMMENTS_CLOSED");
        assertThat(http.post("/api/v1/comments/" + before + "/like", null)
                        .bearer(ana.token())
                        .send()
                        .errorCode())
                .isEqualTo("COMMENTS_CLOSED");
        assertThat(http.get("/api/v1/markets/" + market.id() + "/comments")
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(list(null).data()).hasSize(3);
        Result fil = http.post("/api/v1/markets/" + market.id() + "/comments", Map.of("body", "Huli na"))
                .bearer(ben.token())
                .header("Accept-Language", "fil")
                .send();
        assertThat(fil.body().get("errors").get(0).get("message").asString()).contains("7 araw");
    }

    @Test
    void a_cancelled_market_keeps_its_comments_open_for_seven_days_too() {
        TestUser ben = users.create(0);
        marketAdmin.cancel(admin.id(), market.id(), "Event postponed");
        events.awaitListeners();
        assertThat(comment(ben, "Sayang").status()).isEqualTo(201);
        jdbc.sql("UPDATE comment_market_endings SET ended_at = now() - interval '8 days' WHERE market_id = :m")
                .param("m", market.id())
                .update();
        assertThat(comment(ben, "Closed now").errorCode()).isEqualTo("COMMENTS_CLOSED");
    }

    // ------------------------------------------------------------------ live

    @Test
    void a_new_comment_arrives_on_the_markets_live_stream() throws Exception {
        TestUser ana = users.create(0);
        try (SseClient stream = SseClient.open(http.baseUrl() + "/api/v1/markets/" + market.id() + "/stream")) {
            stream.awaitLine("event:market");
            String id = comment(ana, "Live from Quezon City").data().get("id").asString();
            stream.awaitLine("event:comment");
            String data = stream.awaitLineMatching(l -> l.startsWith("data:") && l.contains(id));
            assertThat(data).contains("Live from Quezon City").contains("\"market_id\":\"" + market.id() + "\"");
        }
    }

    // ------------------------------------------------------------------ helpers

    private void forecast(TestUser user, int outcome, long points) {
        Result placed = http.post(
                        "/api/v1/forecasts",
                        Map.of(
                                "market_id", market.id().toString(),
                                "outcome_id",
                                        TestMarkets.outcome(market, outcome).toString(),
                                "points", points))
                .bearer(user.token())
                .send();
        assertThat(placed.status()).isIn(200, 201);
    }

    private Result comment(TestUser user, String body) {
        return http.post("/api/v1/markets/" + market.id() + "/comments", Map.of("body", body))
                .bearer(user.token())
                .send();
    }

    private Result reply(TestUser user, String parentId, String body) {
        Map<String, Object> request = new HashMap<>();
        request.put("body", body);
        request.put("parent_id", parentId);
        return http.post("/api/v1/markets/" + market.id() + "/comments", request)
                .bearer(user.token())
                .send();
    }

    private Result list(String sort) {
        return http.get("/api/v1/markets/" + market.id() + "/comments" + (sort == null ? "" : "?sort=" + sort))
                .send();
    }

    private static JsonNode byId(Result listed, String id) {
        for (JsonNode thread : listed.data()) {
            if (thread.get("id").asString().equals(id)) {
                return thread;
            }
            for (JsonNode reply : thread.get("replies")) {
                if (reply.get("id").asString().equals(id)) {
                    return reply;
                }
            }
        }
        throw new AssertionError("comment " + id + " is not listed");
    }

    private static List<String> ids(Result listed) {
        List<String> ids = new ArrayList<>();
        listed.data().forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    private long countComments() {
        return jdbc.sql("SELECT count(*) FROM comments WHERE market_id = :m")
                .param("m", market.id())
                .query(Long.class)
                .single();
    }

    private void setStatus(TestUser user, String status) {
        Result changed = http.patch("/api/v1/admin/users/" + user.id(), Map.of("status", status, "reason", "test"))
                .bearer(moderator.token())
                .send();
        assertThat(changed.status()).isEqualTo(200);
    }
}
