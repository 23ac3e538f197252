package com.pilimarket.auth.internal;

import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.security.Callers;
import com.pilimarket.shared.security.SignedIn;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emailed links of an account: verify the address, reset a forgotten password, change the
 * address. The links open app pages, which post their token here.
 */
@RestController
@Tag(name = "Auth")
class AccountEmailController {

    private final AccountEmails emails;
    private final AuthCookies cookies;

    AccountEmailController(AccountEmails emails, AuthCookies cookies) {
        this.emails = emails;
        this.cookies = cookies;
    }

    /** A link's secret, from its {@code token} query parameter. */
    record LinkToken(@Nullable String token) {
        @Override
        public String toString() {
            return "LinkToken[]";
        }
    }

    record PasswordResetRequest(@Nullable String email) {
        @Override
        public String toString() {
            return "PasswordResetRequest[]";
        }
    }

    record PasswordResetConfirmation(
            @Nullable String token, @Nullable String password) {
        @Override
        public String toString() {
            return "PasswordResetConfirmation[]";
        }
    }

    record EmailChangeRequest(
            @Nullable String newEmail, @Nullable String password) {
        @Override
        public String toString() {
            return "EmailChangeRequest[" + newEmail + "]";
        }
    }

    /** The answer of a verification: the address now verified. */
    record EmailVerified(String email, boolean emailVerified) {}

    /** The answer of asking for a link: the same whether or not a mail was sent (password reset). */
    record MailRequested(boolean requested) {}

    /** The answer of a password reset: every session of the account has ended. */
    record PasswordReset(boolean passwordReset) {}

    /** The answer of an email change request: the confirmation went to {@code pendingEmail}. */
    record EmailChangeRequested(String pendingEmail) {}

    /** The answer of a confirmed email change: the account's address now. */
    record EmailChanged(String email) {}

    @ErrorAnswer(status = 400, value = "LINK_INVALID: unknown link, or the account has another address since")
    @ErrorAnswer(status = 410, value = "LINK_EXPIRED: older than 48 hours; LINK_USED: used, and the address changed")
    @PostMapping("/api/v1/auth/verify-email")
    @Operation(summary = "Verifies the account's address with the token of the emailed link")
    ApiResponse<EmailVerified> verifyEmail(@RequestBody LinkToken body) {
        return ApiResponse.ok(new EmailVerified(emails.verify(body.token()), true));
    }

    @SignedIn
    @ErrorAnswer(status = 409, value = "EMAIL_ALREADY_VERIFIED")
    @PostMapping("/api/v1/users/me/email-verification")
    @Operation(summary = "Sends the caller a new verification link (one a minute)")
    ApiResponse<MailRequested> resendVerification() {
        emails.resendVerification(Callers.requireUserId());
        return ApiResponse.ok(new MailRequested(true));
    }

    @PostMapping("/api/v1/auth/password-reset")
    @Operation(
            summary = "Emails a password reset link (single-use, 30 minutes) if the address has an account;"
                    + " the same answer either way")
    ApiResponse<MailRequested> requestPasswordReset(@RequestBody PasswordResetRequest body) {
        emails.requestPasswordReset(body.email());
        return ApiResponse.ok(new MailRequested(true));
    }

    @ErrorAnswer(status = 400, value = "LINK_INVALID: unknown link; VALIDATION_FAILED: the new password")
    @ErrorAnswer(status = 410, value = "LINK_EXPIRED: older than 30 minutes; LINK_USED: already used")
    @PostMapping("/api/v1/auth/password-reset/confirm")
    @Operation(summary = "Sets a new password with a reset link's token and ends every session of the account")
    ApiResponse<PasswordReset> confirmPasswordReset(
            @RequestBody PasswordResetConfirmation body, HttpServletRequest request, HttpServletResponse response) {
        emails.resetPassword(body.token(), body.password());
        cookies.clearSession(request, response);
        return ApiResponse.ok(new PasswordReset(true));
    }

    @SignedIn
    @ErrorAnswer(status = 409, value = "EMAIL_TAKEN: an account with the new address exists")
    @PostMapping("/api/v1/users/me/email-change")
    @Operation(summary = "Sends a confirmation link to a new address; the address changes when it is used")
    ApiResponse<EmailChangeRequested> requestEmailChange(@RequestBody EmailChangeRequest body) {
        String pending = emails.requestEmailChange(Callers.requireUserId(), body.newEmail(), body.password());
        return ApiResponse.ok(new EmailChangeRequested(pending));
    }

    @ErrorAnswer(status = 400, value = "LINK_INVALID: unknown link")
    @ErrorAnswer(status = 409, value = "EMAIL_TAKEN: another account took the address meanwhile")
    @ErrorAnswer(status = 410, value = "LINK_EXPIRED: older than 24 hours; LINK_USED: already used")
    @PostMapping("/api/v1/auth/email-change/confirm")
    @Operation(summary = "Moves the account to the new address of an email change link")
    ApiResponse<EmailChanged> confirmEmailChange(@RequestBody LinkToken body) {
        return ApiResponse.ok(new EmailChanged(emails.confirmEmailChange(body.token())));
    }
}
