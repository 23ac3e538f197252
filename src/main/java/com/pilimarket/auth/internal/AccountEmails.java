package com.pilimarket.auth.internal;

import com.pilimarket.auth.Registrations;
import com.pilimarket.mail.Mail;
import com.pilimarket.mail.MailBody;
import com.pilimarket.mail.Outbox;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.RateLimitedException;
import com.pilimarket.shared.Texts;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.StoredCredentials;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The account's emailed links: address verification after sign-up, password reset (single-use,
 * 30 minutes, ends every session) and email change (confirmed from the new address). Each link's
 * mail is put in the outbox in the same transaction as its token, in the user's language.
 * The three flows stay in one class because they are one family: the same token rules, the same
 * outbox step and the same mail frame, so splitting them would copy that frame three times.
 */
@Service
class AccountEmails {

    private static final Logger log = LoggerFactory.getLogger(AccountEmails.class);

    static final Duration VERIFY_TTL = Duration.ofHours(48);
    static final Duration RESET_TTL = Duration.ofMinutes(30);
    static final Duration CHANGE_TTL = Duration.ofHours(24);
    /** One verification mail a minute per account. */
    static final Duration RESEND_GAP = Duration.ofSeconds(60);
    /** Reset mails per account and hour: beyond it a request is answered the same but sends nothing. */
    static final int RESETS_PER_HOUR = 3;

    static final int EMAIL_CHANGES_PER_HOUR = 5;

    static final String LINK_INVALID = "LINK_INVALID";
    static final String LINK_EXPIRED = "LINK_EXPIRED";
    static final String LINK_USED = "LINK_USED";
    static final String ALREADY_VERIFIED = "EMAIL_ALREADY_VERIFIED";

    private final EmailTokens tokens;
    private final RefreshTokens refreshTokens;
    private final SessionCutoffs cutoffs;
    private final AccountStatuses statuses;
    private final Users users;
    private final Outbox outbox;
    private final Texts texts;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String appBaseUrl;

    AccountEmails(
            EmailTokens tokens,
            RefreshTokens refreshTokens,
            SessionCutoffs cutoffs,
            AccountStatuses statuses,
            Users users,
            Outbox outbox,
            Texts texts,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${pilimarket.mail.app-base-url:http://localhost:8080}") String appBaseUrl) {
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.cutoffs = cutoffs;
        this.statuses = statuses;
        this.users = users;
        this.outbox = outbox;
        this.texts = texts;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.appBaseUrl = appBaseUrl.replaceAll("/+$", "");
    }

    // ------------------------------------------------------------------ verification

    /** Sends the verification link of a new account (after registration). */
    void sendVerification(UserAccount user) {
        transactions.executeWithoutResult(tx -> enqueueVerification(user));
    }

    /** Sends a new verification link: 409 when already verified, 429 within a minute of the last one. */
    void resendVerification(UUID userId) {
        transactions.executeWithoutResult(tx -> {
            users.lockInOrder(List.of(userId));
            UserAccount user = users.require(userId);
            if (user.emailVerified()) {
                throw ApiException.conflict(ALREADY_VERIFIED, "This email address is already verified");
            }
            Optional<OffsetDateTime> last = tokens.lastSent(userId, EmailTokens.Purpose.VERIFY_EMAIL);
            if (last.isPresent() && last.get().plus(RESEND_GAP).isAfter(now())) {
                long wait = Duration.between(now(), last.get().plus(RESEND_GAP)).toSeconds();
                throw new RateLimitedException(Math.max(1, wait));
            }
            enqueueVerification(user);
        });
    }

    private void enqueueVerification(UserAccount user) {
        String token = tokens.create(user.id(), EmailTokens.Purpose.VERIFY_EMAIL, user.email(), now().plus(VERIFY_TTL));
        Language language = languageOf(user.id());
        MailBody body = MailBody.builder()
                .heading(texts.get(language, "mail.verify.heading", user.displayName()))
                .paragraph(texts.get(language, "mail.verify.body"))
                .button(texts.get(language, "mail.verify.button"), link("/verify-email", token))
                .note(texts.get(language, "mail.verify.expiry"))
                .note(texts.get(language, "mail.footer"))
                .build();
        outbox.enqueue(Mail.of("verify_email", user.email(), texts.get(language, "mail.verify.subject"), body));
    }

    /** Verifies the address of the link. A link used again verifies nothing new and answers the same. */
    String verify(String token) {
        return transactions.execute(tx -> {
            EmailTokens.Row row =
                    tokens.lock(token, EmailTokens.Purpose.VERIFY_EMAIL).orElseThrow(AccountEmails::invalidLink);
            UserAccount user = users.find(row.userId()).orElseThrow(AccountEmails::invalidLink);
            if (row.usedAt() != null) {
                if (user.emailVerified() && user.email().equals(row.email())) {
                    return user.email();
                }
                throw usedLink();
            }
            if (!row.expiresAt().isAfter(now())) {
                throw expiredLink();
            }
            if (!users.markEmailVerified(user.id(), row.email())) {
                // The account moved to another address since: this link confirms nothing any more.
                throw invalidLink();
            }
            tokens.markUsed(row.id(), now());
            return row.email();
        });
    }

    // ------------------------------------------------------------------ password reset

    /**
     * Sends a reset link when the address has an account that is not banned and has asked fewer than
     * {@link #RESETS_PER_HOUR} times this hour. Says nothing either way: the caller answers the same.
     */
    void requestPasswordReset(String email) {
        String normalized = Registrations.normalizeEmail(email);
        if (normalized == null || !Registrations.isValidEmail(normalized)) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            Optional<UserAccount> found = users.findByEmail(normalized);
            if (found.isEmpty() || found.get().status() == UserStatus.BANNED) {
                return;
            }
            UserAccount user = found.get();
            users.lockInOrder(List.of(user.id()));
            if (tokens.countSince(user.id(), EmailTokens.Purpose.PASSWORD_RESET, now().minusHours(1))
                    >= RESETS_PER_HOUR) {
                log.warn("Password reset for user {} not sent: {} this hour already", user.id(), RESETS_PER_HOUR);
                return;
            }
            String token =
                    tokens.create(user.id(), EmailTokens.Purpose.PASSWORD_RESET, user.email(), now().plus(RESET_TTL));
            Language language = languageOf(user.id());
            MailBody body = MailBody.builder()
                    .heading(texts.get(language, "mail.reset.heading"))
                    .paragraph(texts.get(language, "mail.reset.body"))
                    .button(texts.get(language, "mail.reset.button"), link("/reset-password", token))
                    .note(texts.get(language, "mail.reset.expiry"))
                    .note(texts.get(language, "mail.footer"))
                    .build();
            outbox.enqueue(Mail.of("password_reset", user.email(), texts.get(language, "mail.reset.subject"), body));
        });
    }

    /**
     * Sets the new password of a reset link and ends every session of the account: its refresh
     * tokens are revoked and access tokens issued until now are refused. The link proves the address,
     * so it also counts as verified.
     */
    void resetPassword(String token, String newPassword) {
        // Refuse a bad link before judging the password: a dead link needs a new link, not a new password.
        transactions.executeWithoutResult(tx -> checkUsable(tokens.lock(token, EmailTokens.Purpose.PASSWORD_RESET)));
        Registrations.checkPassword(newPassword);
        String hash = passwords.encode(newPassword);
        UUID userId = transactions.execute(tx -> {
            EmailTokens.Row row = checkUsable(tokens.lock(token, EmailTokens.Purpose.PASSWORD_RESET));
            OffsetDateTime now = now();
            users.changePasswordHash(row.userId(), hash);
            users.markEmailVerified(row.userId(), row.email());
            tokens.markUsed(row.id(), now);
            tokens.retireAll(row.userId(), EmailTokens.Purpose.PASSWORD_RESET, now);
            refreshTokens.revokeAllOf(row.userId(), now);
            cutoffs.cutOff(row.userId(), now.toInstant());
            UserAccount user = users.require(row.userId());
            Language language = languageOf(user.id());
            MailBody body = MailBody.builder()
                    .heading(texts.get(language, "mail.password_changed.heading"))
                    .paragraph(texts.get(language, "mail.password_changed.body"))
                    .button(texts.get(language, "mail.password_changed.button"), appBaseUrl + "/forgot-password")
                    .note(texts.get(language, "mail.footer"))
                    .build();
            outbox.enqueue(Mail.of(
                    "password_changed", user.email(), texts.get(language, "mail.password_changed.subject"), body));
            return user.id();
        });
        statuses.evict(userId);
        log.info("Password of user {} reset: every session ended", userId);
    }

    // ------------------------------------------------------------------ email change

    /**
     * Sends a confirmation link to the new address; the account keeps its address until the link is
     * used. Needs the current password. 400 for a bad address or password, 409 when the address is taken.
     */
    String requestEmailChange(UUID userId, String newEmail, String currentPassword) {
        String normalized = Registrations.normalizeEmail(newEmail);
        if (normalized == null || !Registrations.isValidEmail(normalized)) {
            throw ValidationException.of("new_email", "must be a valid email address");
        }
        UserAccount user = users.require(userId);
        if (normalized.equals(user.email())) {
            throw ValidationException.of("new_email", "is already your email address");
        }
        StoredCredentials stored = users.credentials(user.email()).orElseThrow(() -> ApiException.notFound("User"));
        if (currentPassword == null
                || currentPassword.length() > Registrations.PASSWORD_MAX
                || !passwords.matches(currentPassword, stored.passwordHash())) {
            throw ValidationException.of("password", "is not your current password");
        }
        if (users.findByEmail(normalized).isPresent()) {
            throw emailTaken();
        }
        transactions.executeWithoutResult(tx -> {
            users.lockInOrder(List.of(userId));
            if (tokens.countSince(userId, EmailTokens.Purpose.EMAIL_CHANGE, now().minusHours(1))
                    >= EMAIL_CHANGES_PER_HOUR) {
                throw new RateLimitedException(3600);
            }
            tokens.retireAll(userId, EmailTokens.Purpose.EMAIL_CHANGE, now());
            String token = tokens.create(userId, EmailTokens.Purpose.EMAIL_CHANGE, normalized, now().plus(CHANGE_TTL));
            Language language = languageOf(userId);
            MailBody body = MailBody.builder()
                    .heading(texts.get(language, "mail.email_change.heading"))
                    .paragraph(texts.get(language, "mail.email_change.body", normalized))
                    .button(texts.get(language, "mail.email_change.button"), link("/confirm-email", token))
                    .note(texts.get(language, "mail.email_change.expiry"))
                    .note(texts.get(language, "mail.footer"))
                    .build();
            outbox.enqueue(Mail.of("email_change", normalized, texts.get(language, "mail.email_change.subject"), body));
        });
        return normalized;
    }

    /** Moves the account to the link's address and tells the old address. Returns the new address. */
    String confirmEmailChange(String token) {
        try {
            return transactions.execute(tx -> {
                EmailTokens.Row row = checkUsable(tokens.lock(token, EmailTokens.Purpose.EMAIL_CHANGE));
                UserAccount user = users.require(row.userId());
                String old = user.email();
                users.changeEmail(user.id(), row.email());
                tokens.markUsed(row.id(), now());
                tokens.retireAll(user.id(), EmailTokens.Purpose.EMAIL_CHANGE, now());
                // Links sent to the old address verify nothing now (markEmailVerified checks the address).
                Language language = languageOf(user.id());
                MailBody body = MailBody.builder()
                        .heading(texts.get(language, "mail.email_changed.heading"))
                        .paragraph(texts.get(language, "mail.email_changed.body", row.email()))
                        .button(texts.get(language, "mail.password_changed.button"), appBaseUrl + "/forgot-password")
                        .note(texts.get(language, "mail.footer"))
                        .build();
                outbox.enqueue(Mail.of("email_changed", old, texts.get(language, "mail.email_changed.subject"), body));
                return row.email();
            });
        } catch (DuplicateKeyException e) {
            throw emailTaken();
        }
    }

    @Scheduled(cron = "0 29 3 * * *")
    void deleteExpired() {
        int deleted = tokens.deleteExpired(now().minusDays(7));
        if (deleted > 0) {
            log.info("Deleted {} expired email links", deleted);
        }
    }

    // ------------------------------------------------------------------ helpers

    private EmailTokens.Row checkUsable(Optional<EmailTokens.Row> found) {
        EmailTokens.Row row = found.orElseThrow(AccountEmails::invalidLink);
        if (row.usedAt() != null) {
            throw usedLink();
        }
        if (!row.expiresAt().isAfter(now())) {
            throw expiredLink();
        }
        return row;
    }

    private Language languageOf(UUID userId) {
        return users.savedLanguage(userId).orElseGet(Texts::current);
    }

    private String link(String path, String token) {
        return appBaseUrl + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ApiException invalidLink() {
        return new ApiException(HttpStatus.BAD_REQUEST, LINK_INVALID, "This link is not valid: ask for a new one");
    }

    private static ApiException expiredLink() {
        return new ApiException(HttpStatus.GONE, LINK_EXPIRED, "This link has expired: ask for a new one");
    }

    private static ApiException usedLink() {
        return new ApiException(HttpStatus.GONE, LINK_USED, "This link was already used: ask for a new one");
    }

    private static ApiException emailTaken() {
        return ApiException.conflict(ErrorCodes.EMAIL_TAKEN, "An account with this email already exists");
    }
}
