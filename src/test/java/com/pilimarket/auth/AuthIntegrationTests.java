package com.pilimarket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestCookies;
import com.pilimarket.support.TestHttp;
import com.pilimarket.support.TestHttp.Result;
import com.pilimarket.support.TestUsers;
import com.pilimarket.users.UserRole;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
// The test client stands in for a trusted proxy: its X-Forwarded-* headers count.
// Production password hashing (see TestPasswordHashing): the sign-up test checks the stored hash's parameters.
@org.springframework.test.context.TestPropertySource(
        properties = {"pilimarket.web.trusted-proxies=127.0.0.1, ::1", "pilimarket.test.password-hashing=production"})
class AuthIntegrationTests {

    static final String PASSWORD = "correct horse battery";

    @Autowired
    TestHttp http;

    @Autowired
    TestUsers users;

    @Autowired
    JdbcClient jdbc;

    static String email() {
        return "u" + UUID.randomUUID().toString().substring(0, 10) + "@example.ph";
    }

    Result register(String email) {
        return http.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "display_name", "Juan"))
                .header("X-Device-Id", "device-123")
                .header("User-Agent", "PilimarketTest/1.0")
                .send();
    }

    Result login(String email, String password) {
        return http.post("/api/v1/auth/login", Map.of("email", email, "password", password))
                .send();
    }

    Result refresh(String token) {
        return http.post("/api/v1/auth/refresh", Map.of("refresh_token", token)).send();
    }

    @Test
    void registering_returns_tokens_and_cookies_and_credits_the_signup_bonus() {
        String email = email();
        Result result = register(email);

        assertThat(result.status()).isEqualTo(201);
        var data = result.data();
        assertThat(data.get("access_token").asString()).isNotBlank();
        assertThat(data.get("refresh_token").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(data.get("expires_in").asLong()).isEqualTo(900);
        var user = data.get("user");
        assertThat(user.get("email").asString()).isEqualTo(email);
        assertThat(user.get("chips").asLong()).isEqualTo(1000);
        assertThat(user.get("role").asString()).isEqualTo("user");
        assertThat(user.get("status").asString()).isEqualTo("active");
        assertThat(user.has("password_hash")).isFalse();
        assertThat(result.raw().body()).doesNotContain(PASSWORD);

        assertThat(TestCookies.hasAttribute(result, "access_token", "HttpOnly")).isTrue();
        assertThat(TestCookies.attribute(result, "access_token", "Path")).isEqualTo("/");
        assertThat(TestCookies.attribute(result, "access_token", "Max-Age")).isEqualTo("900");
        assertThat(TestCookies.attribute(result, "access_token", "SameSite")).isEqualTo("Lax");
        assertThat(TestCookies.hasAttribute(result, "refresh_token", "HttpOnly"))
                .isTrue();
        assertThat(TestCookies.attribute(result, "refresh_token", "Path")).isEqualTo("/api/v1/auth");
        assertThat(TestCookies.attribute(result, "refresh_token", "Max-Age")).isEqualTo("604800");
        assertThat(TestCookies.hasAttribute(result, "XSRF-TOKEN", "HttpOnly")).isFalse();
        // Plain http on localhost during development: no Secure flag there.
        assertThat(TestCookies.hasAttribute(result, "access_token", "Secure")).isFalse();

        UUID id = UUID.fromString(user.get("id").asString());
        var signup = jdbc.sql("SELECT signup_ip, signup_device_id, password_hash FROM users WHERE id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(signup.get("signup_device_id")).isEqualTo("device-123");
        assertThat(signup.get("signup_ip")).isNotNull();
        assertThat((String) signup.get("password_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        List<String> signals = jdbc.sql("SELECT event || ':' || device_id || ':' || user_agent FROM user_signals "
                        + "WHERE user_id = :id")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(signals).containsExactly("register:device-123:PilimarketTest/1.0");
        Result statement = http.get("/api/v1/users/me/transactions")
                .bearer(data.get("access_token").asString())
                .send();
        assertThat(statement.data().get(0).get("reference").asString()).isEqualTo("signup:" + id);
        assertThat(statement.data().get(0).get("amount").asLong()).isEqualTo(1000);
    }

    @Test
    void cookies_are_secure_when_the_site_is_not_localhost() {
        Result result = http.post(
                        "/api/v1/auth/register",
                        Map.of("email", email(), "password", PASSWORD, "display_name", "Maria"))
                .header("X-Forwarded-Host", "pilimarket.ph")
                .header("X-Forwarded-Proto", "https")
                .send();

        assertThat(result.status()).isEqualTo(201);
        assertThat(TestCookies.hasAttribute(result, "access_token", "Secure")).isTrue();
        assertThat(TestCookies.hasAttribute(result, "refresh_token", "Secure")).isTrue();
        assertThat(TestCookies.hasAttribute(result, "XSRF-TOKEN", "Secure")).isTrue();
    }

    @Test
    void emails_are_trimmed_lower_cased_and_unique() {
        String email = email();
        assertThat(register("  " + email.toUpperCase() + " ").status()).isEqualTo(201);

        Result again = register(email);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("EMAIL_TAKEN");

        assertThat(login(" " + email.toUpperCase(), PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void bad_registration_input_is_refused_field_by_field_and_creates_nothing() {
        String email = email();
        Result result = http.post(
                        "/api/v1/auth/register",
                        Map.of("email", email, "password", "short", "display_name", "<b></b>x"))
                .send();

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.body().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("password", "display_name");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :e")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isZero();

        Result badEmail = http.post(
                        "/api/v1/auth/register",
                        Map.of("email", "not-an-email", "password", PASSWORD, "display_name", "Juan"))
                .send();
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.body().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void display_names_are_stored_as_plain_text() {
        Result result = http.post(
                        "/api/v1/auth/register",
                        Map.of(
                                "email",
                                email(),
                                "password",
                                PASSWORD,
                                "display_name",
                                "<img src=x onerror=alert(1)>Juan   dela\tCruz"))
                .send();

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.data().get("user").get("display_name").asString()).isEqualTo("Juan dela Cruz");
    }

    @Test
    void a_wrong_password_and_an_unknown_email_get_the_same_answer() {
        String email = email();
        register(email);

        Result wrongPassword = login(email, "wrong password!");
        Result unknownEmail = login(email(), "wrong password!");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.errorCode()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
    }

    @Test
    void logging_in_records_the_device_and_returns_a_working_session() {
        String email = email();
        register(email);

        Result result = http.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD))
                .header("X-Device-Id", "phone-9")
                .send();

        assertThat(result.status()).isEqualTo(200);
        String token = result.data().get("access_token").asString();
        assertThat(http.get("/api/v1/users/me")
                        .bearer(token)
                        .send()
                        .data()
                        .get("email")
                        .asString())
                .isEqualTo(email);
        assertThat(jdbc.sql("SELECT count(*) FROM user_signals s JOIN users u ON u.id = s.user_id "
                                + "WHERE u.email = :e AND s.event = 'login' AND s.device_id = 'phone-9'")
                        .param("e", email)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void a_refresh_token_rotates_and_reusing_an_old_one_ends_the_whole_family() {
        String first = register(email()).data().get("refresh_token").asString();

        Result rotated = refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.data().get("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(rotated.data().get("access_token").asString()).isNotBlank();

        // Someone replays the first token: refused, and the family is revoked...
        Result reuse = refresh(first);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.errorCode()).isEqualTo("UNAUTHENTICATED");
        // ...so the newest token, in whoever's hands, is dead too.
        assertThat(refresh(second).status()).isEqualTo(401);
    }

    @Test
    void unknown_and_garbage_refresh_tokens_are_refused() {
        assertThat(refresh("not-a-token").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/auth/refresh", null).send().status()).isEqualTo(401);
    }

    @Test
    void logout_revokes_the_refresh_token_and_clears_the_cookies() {
        String refreshToken = register(email()).data().get("refresh_token").asString();

        Result logout = http.post("/api/v1/auth/logout", Map.of("refresh_token", refreshToken))
                .send();

        assertThat(logout.status()).isEqualTo(200);
        assertThat(TestCookies.attribute(logout, "access_token", "Max-Age")).isEqualTo("0");
        assertThat(TestCookies.attribute(logout, "refresh_token", "Max-Age")).isEqualTo("0");
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
    }

    @Test
    void the_refresh_cookie_works_for_web_clients_with_the_csrf_header() {
        Result registered = register(email());
        String refreshCookie = TestCookies.value(registered, "refresh_token");
        String xsrf = TestCookies.value(registered, "XSRF-TOKEN");

        Result withoutCsrf = http.post("/api/v1/auth/refresh", null)
                .header("Cookie", "refresh_token=" + refreshCookie)
                .send();
        assertThat(withoutCsrf.status()).isEqualTo(403);
        assertThat(withoutCsrf.errorCode()).isEqualTo("CSRF_FAILED");

        Result withCsrf = http.post("/api/v1/auth/refresh", null)
                .header("Cookie", "refresh_token=" + refreshCookie + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .send();
        assertThat(withCsrf.status()).isEqualTo(200);
        assertThat(TestCookies.value(withCsrf, "refresh_token")).isNotEqualTo(refreshCookie);
    }

    @Test
    void cookie_sessions_need_the_csrf_header_on_writes_but_bearer_clients_do_not() {
        Result registered = register(email());
        String access = TestCookies.value(registered, "access_token");
        Map<String, String> body = Map.of("bio", "Hello");

        Result csrfToken = http.get("/api/v1/auth/csrf").send();
        assertThat(csrfToken.status()).isEqualTo(200);
        String xsrf = TestCookies.value(csrfToken, "XSRF-TOKEN");
        assertThat(xsrf).isEqualTo(csrfToken.data().get("csrf_token").asString());
        assertThat(TestCookies.attribute(csrfToken, "XSRF-TOKEN", "SameSite")).isEqualTo("Lax");

        // Reads with the cookie need nothing.
        assertThat(http.get("/api/v1/users/me")
                        .header("Cookie", "access_token=" + access)
                        .send()
                        .status())
                .isEqualTo(200);

        Result noHeader = http.patch("/api/v1/users/me", body)
                .header("Cookie", "access_token=" + access + "; XSRF-TOKEN=" + xsrf)
                .send();
        assertThat(noHeader.status()).isEqualTo(403);
        assertThat(noHeader.errorCode()).isEqualTo("CSRF_FAILED");

        Result wrongHeader = http.patch("/api/v1/users/me", body)
                .header("Cookie", "access_token=" + access + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", "forged-value-from-another-site")
                .send();
        assertThat(wrongHeader.status()).isEqualTo(403);

        Result good = http.patch("/api/v1/users/me", body)
                .header("Cookie", "access_token=" + access + "; XSRF-TOKEN=" + xsrf)
                .header("X-XSRF-TOKEN", xsrf)
                .send();
        assertThat(good.status()).isEqualTo(200);

        Result bearer = http.patch("/api/v1/users/me", body)
                .bearer(registered.data().get("access_token").asString())
                .send();
        assertThat(bearer.status()).isEqualTo(200);
    }

    @Test
    void a_banned_user_cannot_log_in_refresh_or_use_an_old_token() {
        String email = email();
        Result registered = register(email);
        String access = registered.data().get("access_token").asString();
        String refreshToken = registered.data().get("refresh_token").asString();
        UUID id = UUID.fromString(registered.data().get("user").get("id").asString());
        var moderator = users.create(0, UserRole.MODERATOR);

        Result ban = http.patch("/api/v1/admin/users/" + id, Map.of("status", "banned", "reason", "spam"))
                .bearer(moderator.token())
                .send();
        assertThat(ban.status()).isEqualTo(200);

        Result loginAttempt = login(email, PASSWORD);
        assertThat(loginAttempt.status()).isEqualTo(403);
        assertThat(loginAttempt.errorCode()).isEqualTo("ACCOUNT_BANNED");
        assertThat(refresh(refreshToken).status()).isIn(401, 403);
        Result oldToken = http.get("/api/v1/users/me").bearer(access).send();
        assertThat(oldToken.status()).isEqualTo(403);
        assertThat(oldToken.errorCode()).isEqualTo("ACCOUNT_BANNED");
        // A wrong password still says only "wrong credentials": the ban is no oracle.
        assertThat(login(email, "not the password").errorCode()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void a_ban_made_on_another_instance_is_enforced_here_within_seconds() {
        var user = users.create(500);
        // This instance has the account cached as active.
        assertThat(http.get("/api/v1/users/me").bearer(user.token()).send().status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/users/me").bearer(user.token()).send().status())
                .isEqualTo(200);

        // Another instance bans the user: its transaction writes the row and the change record; no event
        // reaches this instance.
        jdbc.sql("UPDATE users SET status = 'banned' WHERE id = :id")
                .param("id", user.id())
                .update();
        jdbc.sql("INSERT INTO auth_account_changes (user_id) VALUES (:id)")
                .param("id", user.id())
                .update();

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Result refused = http.get("/api/v1/users/me").bearer(user.token()).send();
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("ACCOUNT_BANNED");
        });
    }

    @Test
    void a_suspended_user_can_read_but_every_write_is_refused() {
        var user = users.create(500);
        var moderator = users.create(0, UserRole.MODERATOR);
        assertThat(http.patch("/api/v1/admin/users/" + user.id(), Map.of("status", "suspended", "reason", "abuse"))
                        .bearer(moderator.token())
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(http.get("/api/v1/users/me").bearer(user.token()).send().status())
                .isEqualTo(200);
        Result patch = http.patch("/api/v1/users/me", Map.of("bio", "still here"))
                .bearer(user.token())
                .send();
        assertThat(patch.status()).isEqualTo(403);
        assertThat(patch.errorCode()).isEqualTo("ACCOUNT_SUSPENDED");
        Result forecast = http.post("/api/v1/forecasts", Map.of("points", 10))
                .bearer(user.token())
                .send();
        assertThat(forecast.status()).isEqualTo(403);
        assertThat(forecast.errorCode()).isEqualTo("ACCOUNT_SUSPENDED");

        // Reinstated: writes work again at once.
        http.patch("/api/v1/admin/users/" + user.id(), Map.of("status", "active", "reason", "appeal"))
                .bearer(moderator.token())
                .send();
        assertThat(http.patch("/api/v1/users/me", Map.of("bio", "back"))
                        .bearer(user.token())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_demoted_admin_loses_admin_access_before_the_token_expires() {
        var admin = users.create(0, UserRole.ADMIN);
        var superadmin = users.create(0, UserRole.SUPERADMIN);
        assertThat(http.get("/api/v1/admin/audit-log")
                        .bearer(admin.token())
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(http.patch("/api/v1/admin/users/" + admin.id(), Map.of("role", "user", "reason", "left the team"))
                        .bearer(superadmin.token())
                        .send()
                        .status())
                .isEqualTo(200);

        assertThat(http.get("/api/v1/admin/audit-log")
                        .bearer(admin.token())
                        .send()
                        .status())
                .isEqualTo(403);
    }
}
