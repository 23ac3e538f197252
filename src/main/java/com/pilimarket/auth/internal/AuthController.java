package com.pilimarket.auth.internal;

import com.pilimarket.auth.Registrations;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.web.ErrorAnswer;
import com.pilimarket.users.PrivateProfile;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Register, log in, refresh, log out. Web clients get cookies; API clients use the tokens in the body. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class AuthController {

    private final Registrations registrations;
    private final Logins logins;
    private final Sessions sessions;
    private final Users users;
    private final AuthCookies cookies;
    private final AccountEmails emails;

    AuthController(
            Registrations registrations,
            Logins logins,
            Sessions sessions,
            Users users,
            AuthCookies cookies,
            AccountEmails emails) {
        this.registrations = registrations;
        this.logins = logins;
        this.sessions = sessions;
        this.users = users;
        this.cookies = cookies;
        this.emails = emails;
    }

    record RegisterRequest(
            String email,
            String password,
            String displayName,

            @Nullable
            @Schema(description = "3–20 characters of a-z, 0-9 and _; left out: derived from the display name")
            String handle,

            @Nullable @Schema(description = "the inviter's handle, from a referral link /r/{handle}; unknown: ignored")
            String referralCode) {
        @Override
        public String toString() {
            return "RegisterRequest[" + email + "]";
        }
    }

    record LoginRequest(String email, String password) {
        @Override
        public String toString() {
            return "LoginRequest[" + email + "]";
        }
    }

    record RefreshRequest(@Nullable String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    /** The answer of logout. */
    record LoggedOut(boolean loggedOut) {}

    /** The answer of GET /auth/csrf: the token the XSRF-TOKEN cookie now holds. */
    record CsrfToken(String csrfToken) {}

    /** The answer of register, login and refresh. */
    record Session(PrivateProfile user, String accessToken, String refreshToken, long expiresIn) {
        @Override
        public String toString() {
            return "Session[" + user.id() + "]";
        }
    }

    @ErrorAnswer(
            status = 409,
            value = "EMAIL_TAKEN: an account with this email exists; HANDLE_TAKEN: so has the handle")
    @PostMapping("/register")
    @Operation(summary = "Creates an account (with the signup bonus), emails a verification link and logs it in")
    ResponseEntity<ApiResponse<Session>> register(
            @RequestBody RegisterRequest body, HttpServletRequest request, HttpServletResponse response) {
        UserAccount user = registrations.register(
                body.email(),
                body.password(),
                body.displayName(),
                body.handle(),
                body.referralCode(),
                UserRole.USER,
                ClientSignals.of("register", request));
        emails.sendVerification(user);
        Sessions.TokenPair pair = sessions.start(user, ClientSignals.of("register", request));
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(session(pair, request, response)));
    }

    @ErrorAnswer(
            status = 401,
            value = "INVALID_CREDENTIALS: wrong email or password (the same answer for an unknown email)")
    @ErrorAnswer(status = 403, value = "ACCOUNT_BANNED")
    @PostMapping("/login")
    @Operation(summary = "Logs in with email and password")
    ApiResponse<Session> login(
            @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        UserAccount user = logins.authenticate(body.email(), body.password());
        users.recordSignal(user.id(), ClientSignals.of("login", request));
        Sessions.TokenPair pair = sessions.start(user, ClientSignals.of("login", request));
        return ApiResponse.ok(session(pair, request, response));
    }

    @ErrorAnswer(
            status = 401,
            value = "UNAUTHENTICATED: unknown, expired or already used refresh token (a reused one revokes its family)")
    @PostMapping("/refresh")
    @Operation(summary = "Rotates a refresh token (body or cookie) into a new token pair")
    ApiResponse<Session> refresh(
            @RequestBody(required = false) RefreshRequest body,
            HttpServletRequest request,
            HttpServletResponse response) {
        String presented = body != null && body.refreshToken() != null
                ? body.refreshToken()
                : AuthCookies.read(request, AuthCookies.REFRESH);
        Sessions.TokenPair pair = sessions.refresh(presented, ClientSignals.of("login", request));
        return ApiResponse.ok(session(pair, request, response));
    }

    @PostMapping("/logout")
    @Operation(summary = "Revokes the refresh token's family and clears the cookies")
    ApiResponse<LoggedOut> logout(
            @RequestBody(required = false) RefreshRequest body,
            HttpServletRequest request,
            HttpServletResponse response) {
        String presented = body != null && body.refreshToken() != null
                ? body.refreshToken()
                : AuthCookies.read(request, AuthCookies.REFRESH);
        sessions.logout(presented);
        cookies.clearSession(request, response);
        return ApiResponse.ok(new LoggedOut(true));
    }

    @GetMapping("/csrf")
    @Operation(summary = "Sets the XSRF-TOKEN cookie; send its value as X-XSRF-TOKEN on unsafe requests")
    ApiResponse<CsrfToken> csrf(HttpServletRequest request, HttpServletResponse response) {
        return ApiResponse.ok(new CsrfToken(cookies.ensureCsrf(request, response)));
    }

    private Session session(Sessions.TokenPair pair, HttpServletRequest request, HttpServletResponse response) {
        cookies.writeSession(request, response, pair);
        return new Session(
                users.privateProfile(pair.user().id()), pair.accessToken(), pair.refreshToken(), pair.expiresIn());
    }
}
