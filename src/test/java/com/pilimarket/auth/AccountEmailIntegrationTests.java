package com.pilimarket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestMail;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AccountEmailIntegrationTests {

    static final String PASSWORD = "correct horse battery";
    static final String NEW_PASSWORD = "a brand new passphrase";

    @Autowired
    TestHttp http;

    @Autowired
    TestMail mail;

    @Autowired
    JdbcClient jdbc;

    static String email() {
        return "m" + UUID.randomUUID().toString().substring(0, 10) + "@example.ph";
    }

    Result register(String email, String language) {
        return http.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "display_name", "Maria"))
                .header("Accept-Language", language)
                .send();
    }

    String accessToken(Result session) {
        return session.data().get("access_token").asString();
    }

    Result login(String email, String password) {
        return http.post("/api/v1/auth/login", Map.of("email", email, "password", password))
                .send();
    }

    Result me(String token) {
        return http.get("/api/v1/users/me").bearer(token).send();
    }

    @Test
    void a_new_account_is_unverified_and_gets_a_verification_mail_in_both_bodies() {
        String email = email();
        Result session = register(email, "en");

        assertThat(session.data().get("user").get("email_verified").asBoolean()).isFalse();
        JsonNode received = mail.latest(email, "Confirm your email");
        assertThat(received.get("text").asString())
                .contains("Confirm your email, Maria")
                .contains("/verify-email?token=");
        assertThat(received.get("html").asString()).contains("<a href=\"http").contains("Confirm my email");
        assertThat(received.get("from").asString()).contains("no-reply@pilimarket.ph");
        // Transactional mail has nothing to unsubscribe from.
        assertThat(received.get("list_unsubscribe").isNull()).isTrue();
    }

    @Test
    void the_verification_link_verifies_the_address_and_answers_the_same_when_used_again() {
        String email = email();
        String token = accessToken(register(email, "en"));
        String link = TestMail.token(mail.latest(email, "Confirm your email"));

        Result verified =
                http.post("/api/v1/auth/verify-email", Map.of("token", link)).send();
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.data().get("email").asString()).isEqualTo(email);
        assertThat(me(token).data().get("email_verified").asBoolean()).isTrue();

        assertThat(http.post("/api/v1/auth/verify-email", Map.of("token", link))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_forged_or_expired_verification_link_is_refused() {
        String email = email();
        register(email, "en");
        String link = TestMail.token(mail.latest(email, "Confirm your email"));

        Result forged = http.post("/api/v1/auth/verify-email", Map.of("token", "not-a-real-token"))
                .send();
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.errorCode()).isEqualTo("LINK_INVALID");
        assertThat(http.post("/api/v1/auth/verify-email", Map.of()).send().status())
                .isEqualTo(400);

        jdbc.sql("UPDATE auth_email_tokens SET expires_at = now() - interval '1 minute' WHERE email = :email")
                .param("email", email)
                .update();
        Result expired =
                http.post("/api/v1/auth/verify-email", Map.of("token", link)).send();
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.errorCode()).isEqualTo("LINK_EXPIRED");
    }

    @Test
    void an_unverified_user_can_ask_again_once_a_minute_and_a_verified_one_not_at_all() {
        String email = email();
        String token = accessToken(register(email, "en"));

        Result tooSoon = http.post("/api/v1/users/me/email-verification", null)
                .bearer(token)
                .send();
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.header("Retry-After")).isNotBlank();

        jdbc.sql("UPDATE auth_email_tokens SET created_at = now() - interval '2 minutes' WHERE email = :email")
                .param("email", email)
                .update();
        assertThat(http.post("/api/v1/users/me/email-verification", null)
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(mail.inbox(email)).hasSize(2);

        http.post("/api/v1/auth/verify-email", Map.of("token", TestMail.token(mail.latest(email, "Confirm"))))
                .send();
        Result already = http.post("/api/v1/users/me/email-verification", null)
                .bearer(token)
                .send();
        assertThat(already.status()).isEqualTo(409);
        assertThat(already.errorCode()).isEqualTo("EMAIL_ALREADY_VERIFIED");
        assertThat(http.post("/api/v1/users/me/email-verification", null).send().status())
                .isEqualTo(401);
    }

    @Test
    void mail_is_written_in_the_users_language() {
        String email = email();
        register(email, "fil");

        JsonNode received = mail.latest(email, "I-confirm ang email mo");
        assertThat(received.get("text").asString()).contains("I-confirm ang email ko");
        assertThat(received.get("html").asString()).contains("I-confirm ang email ko");
    }

    @Test
    void a_password_reset_answers_the_same_for_unknown_addresses_and_sends_nothing() {
        String unknown = email();
        Result answer = http.post("/api/v1/auth/password-reset", Map.of("email", unknown))
                .send();
        String known = email();
        register(known, "en");
        Result knownAnswer = http.post("/api/v1/auth/password-reset", Map.of("email", known.toUpperCase()))
                .send();

        assertThat(answer.status()).isEqualTo(200);
        assertThat(knownAnswer.status()).isEqualTo(200);
        assertThat(answer.raw().body()).isEqualTo(knownAnswer.raw().body());
        assertThat(mail.inbox(unknown)).isEmpty();
        assertThat(mail.latest(known, "Reset your Pilimarket password")).isNotNull();
        assertThat(http.post("/api/v1/auth/password-reset", Map.of("email", "not an email"))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void resetting_the_password_ends_every_session_and_the_link_works_once() {
        String email = email();
        Result session = register(email, "en");
        String access = accessToken(session);
        String refresh = session.data().get("refresh_token").asString();
        http.post("/api/v1/auth/password-reset", Map.of("email", email)).send();
        String link = TestMail.token(mail.latest(email, "Reset your Pilimarket password"));

        Result reset = http.post("/api/v1/auth/password-reset/confirm", Map.of("token", link, "password", NEW_PASSWORD))
                .send();

        assertThat(reset.status()).isEqualTo(200);
        assertThat(me(access).status()).isEqualTo(401);
        // The app itself still loads for a browser holding the ended session's cookie.
        assertThat(http.get("/markets")
                        .header("Cookie", "access_token=" + access)
                        .header("Accept", "text/html")
                        .send()
                        .status())
                .isNotEqualTo(401);
        assertThat(http.post("/api/v1/auth/refresh", Map.of("refresh_token", refresh))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(login(email, PASSWORD).status()).isEqualTo(401);
        Result fresh = login(email, NEW_PASSWORD);
        assertThat(fresh.status()).isEqualTo(200);
        // The link came to the address, so the address is verified now.
        assertThat(me(accessToken(fresh)).data().get("email_verified").asBoolean())
                .isTrue();
        assertThat(mail.latest(email, "password was changed")).isNotNull();

        Result reused = http.post(
                        "/api/v1/auth/password-reset/confirm", Map.of("token", link, "password", "yet another one!"))
                .send();
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.errorCode()).isEqualTo("LINK_USED");
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void an_expired_reset_link_is_refused_and_changes_nothing() {
        String email = email();
        register(email, "en");
        http.post("/api/v1/auth/password-reset", Map.of("email", email)).send();
        String link = TestMail.token(mail.latest(email, "Reset your Pilimarket password"));
        jdbc.sql("""
                        UPDATE auth_email_tokens SET expires_at = now() - interval '1 second'
                        WHERE email = :email AND purpose = 'password_reset'
                        """).param("email", email).update();

        Result expired = http.post(
                        "/api/v1/auth/password-reset/confirm", Map.of("token", link, "password", NEW_PASSWORD))
                .header("Accept-Language", "fil")
                .send();

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.errorCode()).isEqualTo("LINK_EXPIRED");
        assertThat(expired.body().get("errors").get(0).get("message").asString())
                .isEqualTo("Expired na ang link na ito: humingi ng bago");
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void a_reset_link_is_valid_for_thirty_minutes() {
        String email = email();
        register(email, "en");
        http.post("/api/v1/auth/password-reset", Map.of("email", email)).send();

        Long minutes = jdbc.sql("""
                        SELECT round(extract(epoch FROM expires_at - created_at) / 60) FROM auth_email_tokens
                        WHERE email = :email AND purpose = 'password_reset'
                        """).param("email", email).query(Long.class).single();
        assertThat(minutes).isEqualTo(30);
    }

    @Test
    void a_weak_new_password_or_a_forged_link_is_refused() {
        String email = email();
        register(email, "en");
        http.post("/api/v1/auth/password-reset", Map.of("email", email)).send();
        String link = TestMail.token(mail.latest(email, "Reset your Pilimarket password"));

        Result weak = http.post("/api/v1/auth/password-reset/confirm", Map.of("token", link, "password", "short"))
                .send();
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body().get("errors").get(0).get("field").asString()).isEqualTo("password");
        Result forged = http.post(
                        "/api/v1/auth/password-reset/confirm",
                        Map.of("token", "x".repeat(5000), "password", NEW_PASSWORD))
                .send();
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.errorCode()).isEqualTo("LINK_INVALID");
        // The weak attempt did not use up the link.
        assertThat(http.post("/api/v1/auth/password-reset/confirm", Map.of("token", link, "password", NEW_PASSWORD))
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void reset_mails_are_limited_to_three_an_hour_per_account_with_the_same_answer() {
        String email = email();
        register(email, "en");
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/v1/auth/password-reset", Map.of("email", email))
                            .send()
                            .status())
                    .isEqualTo(200);
        }
        long resets = 0;
        for (JsonNode m : mail.inbox(email)) {
            if (m.get("subject").asString().contains("Reset")) {
                resets++;
            }
        }
        assertThat(resets).isEqualTo(3);
    }

    @Test
    void an_email_change_is_confirmed_from_the_new_address_and_tells_the_old_one() {
        String email = email();
        String token = accessToken(register(email, "en"));
        String newEmail = email();

        Result wrongPassword = http.post(
                        "/api/v1/users/me/email-change", Map.of("new_email", newEmail, "password", "wrong password!"))
                .bearer(token)
                .send();
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.body().get("errors").get(0).get("field").asString())
                .isEqualTo("password");

        Result requested = http.post(
                        "/api/v1/users/me/email-change", Map.of("new_email", newEmail, "password", PASSWORD))
                .bearer(token)
                .send();
        assertThat(requested.status()).isEqualTo(200);
        assertThat(requested.data().get("pending_email").asString()).isEqualTo(newEmail);
        assertThat(me(token).data().get("email").asString()).isEqualTo(email);

        String link = TestMail.token(mail.latest(newEmail, "Confirm your new email"));
        Result confirmed = http.post("/api/v1/auth/email-change/confirm", Map.of("token", link))
                .send();
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.data().get("email").asString()).isEqualTo(newEmail);
        var profile = me(token).data();
        assertThat(profile.get("email").asString()).isEqualTo(newEmail);
        assertThat(profile.get("email_verified").asBoolean()).isTrue();
        assertThat(mail.latest(email, "email was changed").get("text").asString())
                .contains(newEmail);
        assertThat(login(newEmail, PASSWORD).status()).isEqualTo(200);

        Result reused = http.post("/api/v1/auth/email-change/confirm", Map.of("token", link))
                .send();
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.errorCode()).isEqualTo("LINK_USED");
        // The verification link sent to the old address verifies nothing any more.
        Result stale = http.post(
                        "/api/v1/auth/verify-email",
                        Map.of("token", TestMail.token(mail.latest(email, "Confirm your email"))))
                .send();
        assertThat(stale.status()).isEqualTo(400);
    }

    @Test
    void an_email_change_to_a_taken_or_bad_address_is_refused() {
        String taken = email();
        register(taken, "en");
        String token = accessToken(register(email(), "en"));

        Result conflict = http.post("/api/v1/users/me/email-change", Map.of("new_email", taken, "password", PASSWORD))
                .bearer(token)
                .send();
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.errorCode()).isEqualTo("EMAIL_TAKEN");
        Result bad = http.post("/api/v1/users/me/email-change", Map.of("new_email", "<script>@x", "password", PASSWORD))
                .bearer(token)
                .send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("new_email");
    }

    @Test
    void the_dev_mail_inbox_can_be_emptied_and_keeps_receiving() {
        String email = email();
        register(email, "en");
        assertThat(mail.inbox(email)).hasSize(1);

        assertThat(http.delete("/api/v1/dev/mail").send().status()).isEqualTo(200);
        assertThat(mail.inbox(email)).isEmpty();

        http.post("/api/v1/auth/password-reset", Map.of("email", email)).send();
        assertThat(mail.inbox(email)).hasSize(1);
    }
}
