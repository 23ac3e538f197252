package com.pilimarket.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.notifications.NotificationType;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestMail;
import com.pilimarket.support.TestUsers;
import com.pilimarket.support.TestUsers.TestUser;
import com.pilimarket.users.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Market results and closing reminders by email: instant or a weekly digest, verified addresses only. */
@IntegrationTest
class NotificationEmailIntegrationTests {

    @Autowired
    TestUsers testUsers;

    @Autowired
    Users users;

    @Autowired
    Notifier notifier;

    @Autowired
    NotificationEmails emails;

    @Autowired
    TestMail mail;

    @Autowired
    TestHttp http;

    @Autowired
    JdbcClient jdbc;

    TestUser verifiedUser(String frequency) {
        TestUser user = testUsers.create(0);
        users.markEmailVerified(user.id(), user.account().email());
        if (frequency != null) {
            assertThat(http.put("/api/v1/users/me/notification-preferences", Map.of("email_frequency", frequency))
                            .bearer(user.token())
                            .send()
                            .status())
                    .isEqualTo(200);
        }
        return user;
    }

    void resolved(TestUser user, String title, long stake, long payout) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("market_id", UUID.randomUUID().toString());
        metadata.put("slug", "market-" + title.hashCode());
        metadata.put("title", title);
        metadata.put("title_fil", title + " (FIL)");
        metadata.put("winning_outcome", "Yes");
        metadata.put("won", true);
        metadata.put("stake", stake);
        metadata.put("payout", payout);
        notifier.notify(user.id(), NotificationType.MARKET_RESOLVED, "resolved", metadata, "test:" + UUID.randomUUID());
    }

    void reminder(TestUser user, String title) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("market_id", UUID.randomUUID().toString());
        metadata.put("slug", "closing-" + title.hashCode());
        metadata.put("title", title);
        notifier.notify(user.id(), NotificationType.FORECAST_REMINDER, "closes", metadata, "test:" + UUID.randomUUID());
    }

    @Test
    void weekly_is_the_default_and_an_email_setting_is_saved() {
        TestUser user = testUsers.create(0);
        JsonNode prefs = http.get("/api/v1/users/me/notification-preferences")
                .bearer(user.token())
                .send()
                .data();
        assertThat(prefs.get("email_frequency").asString()).isEqualTo("weekly");

        var bad = http.put("/api/v1/users/me/notification-preferences", Map.of("email_frequency", "hourly"))
                .bearer(user.token())
                .send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("email_frequency");
    }

    @Test
    void an_instant_user_gets_each_result_with_the_payout_and_a_one_click_unsubscribe() {
        TestUser user = verifiedUser("instant");
        resolved(user, "Will it rain in Manila on Friday?", 100, 250);

        assertThat(emails.sendInstant()).isEqualTo(1);
        JsonNode received = mail.latest(user.account().email(), "Market resolved");
        assertThat(received.get("text").asString())
                .contains("Will it rain in Manila on Friday?")
                .contains("You got ₱250 for your 100 chips")
                .contains("/markets/market-");
        assertThat(received.get("html").asString()).contains("₱250");
        assertThat(received.get("list_unsubscribe").asString()).contains("/api/v1/email/unsubscribe?token=");
        assertThat(received.get("list_unsubscribe_post").asString()).isEqualTo("List-Unsubscribe=One-Click");

        // Mailed once.
        assertThat(emails.sendInstant()).isZero();
        assertThat(mail.inbox(user.account().email())).hasSize(1);
    }

    @Test
    void the_weekly_digest_bundles_a_users_results_and_reminders_into_one_mail() {
        TestUser user = verifiedUser(null);
        resolved(user, "PBA finals game 7", 50, 120);
        reminder(user, "BTC above 5M pesos");

        assertThat(emails.sendInstant()).isZero();
        emails.sendDigests();

        JsonNode digest = mail.latest(user.account().email(), "Your week on Pilimarket: 2 updates");
        assertThat(digest.get("text").asString()).contains("PBA finals game 7").contains("BTC above 5M pesos");
        assertThat(mail.inbox(user.account().email())).hasSize(1);
        emails.sendDigests();
        assertThat(mail.inbox(user.account().email())).hasSize(1);
    }

    @Test
    void mail_goes_only_to_verified_addresses_and_not_when_turned_off() {
        TestUser unverified = testUsers.create(0);
        http.put("/api/v1/users/me/notification-preferences", Map.of("email_frequency", "instant"))
                .bearer(unverified.token())
                .send();
        TestUser off = verifiedUser("off");
        resolved(unverified, "Unverified market", 10, 20);
        resolved(off, "Off market", 10, 20);

        emails.sendInstant();
        emails.sendDigests();

        assertThat(mail.inbox(unverified.account().email())).isEmpty();
        assertThat(mail.inbox(off.account().email())).isEmpty();
    }

    @Test
    void the_digest_is_written_in_the_users_language() {
        TestUser user = verifiedUser(null);
        http.patch("/api/v1/users/me", Map.of("language", "fil"))
                .bearer(user.token())
                .send();
        resolved(user, "Halalan", 10, 30);

        emails.sendDigests();

        JsonNode digest = mail.latest(user.account().email(), "Ang linggo mo sa Pilimarket");
        assertThat(digest.get("text").asString()).contains("Halalan (FIL)").contains("Itigil ang mga email na ito");
    }

    @Test
    void a_one_click_post_from_the_mail_client_stops_the_emails() throws Exception {
        TestUser user = verifiedUser("instant");
        resolved(user, "First", 10, 20);
        emails.sendInstant();
        String header = mail.latest(user.account().email(), "Market resolved")
                .get("list_unsubscribe")
                .asString();
        String url = header.substring(1, header.length() - 1).replace("http://localhost:8080", http.baseUrl());

        // As RFC 8058 mail clients do: a form POST, no cookies, no CSRF token.
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/me/notification-preferences")
                        .bearer(user.token())
                        .send()
                        .data()
                        .get("email_frequency")
                        .asString())
                .isEqualTo("off");

        resolved(user, "Second", 10, 20);
        assertThat(emails.sendInstant()).isZero();
        assertThat(mail.inbox(user.account().email())).hasSize(1);
    }

    @Test
    void a_forged_or_other_users_unsubscribe_token_is_refused() {
        TestUser user = verifiedUser("instant");
        resolved(user, "Forgery", 10, 20);
        emails.sendInstant();
        String header = mail.latest(user.account().email(), "Market resolved")
                .get("list_unsubscribe")
                .asString();
        String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
        String forged = UUID.randomUUID().toString().substring(0, 4) + token.substring(4);

        for (String bad : new String[] {forged, "nonsense", "a.b", ""}) {
            var answer =
                    http.post("/api/v1/email/unsubscribe?token=" + bad, null).send();
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("LINK_INVALID");
        }
        assertThat(http.post("/api/v1/email/unsubscribe", null).send().status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT email_frequency FROM notification_preferences WHERE user_id = :u")
                        .param("u", user.id())
                        .query(String.class)
                        .single())
                .isEqualTo("instant");
    }
}
