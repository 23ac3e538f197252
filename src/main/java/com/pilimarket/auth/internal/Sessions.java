package com.pilimarket.auth.internal;

import com.pilimarket.auth.AccessTokens;
import com.pilimarket.auth.AuthProperties;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserSignal;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.UserStatusChanged;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Token pairs: a short-lived access JWT and a rotating refresh token. Presenting a refresh token
 * that was already rotated means it was copied: the whole family is revoked, so the thief's and the
 * victim's newest tokens both stop working and the user has to log in again.
 */
@Service
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);

    private final RefreshTokens tokens;
    private final AccessTokens accessTokens;
    private final AuthProperties properties;
    private final Users users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Sessions(
            RefreshTokens tokens,
            AccessTokens accessTokens,
            AuthProperties properties,
            Users users,
            TransactionTemplate transactions,
            Clock clock) {
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.properties = properties;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A fresh access token and refresh token; {@code expiresIn} is the access token's lifetime in seconds. */
    record TokenPair(UserAccount user, String accessToken, String refreshToken, long expiresIn) {

        @Override
        public String toString() {
            return "TokenPair[" + user.id() + "]";
        }
    }

    /** Starts a new family (a login or a registration). */
    @Transactional
    TokenPair start(UserAccount user, UserSignal client) {
        return issue(user, UUID.randomUUID(), client);
    }

    private enum Refusal {
        UNKNOWN,
        REUSED,
        BANNED
    }

    private record Outcome(TokenPair pair, Refusal refusal) {}

    /** Rotates a refresh token; 401 for unknown, expired, revoked or reused tokens (reuse revokes the family). */
    TokenPair refresh(String presented, UserSignal client) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            throw unauthenticated();
        }
        // The family revocation must commit even though the request fails, so refusals are returned, not thrown.
        Outcome outcome = transactions.execute(tx -> {
            Optional<RefreshTokens.Row> found = tokens.lock(presented);
            if (found.isEmpty()) {
                return new Outcome(null, Refusal.UNKNOWN);
            }
            RefreshTokens.Row row = found.get();
            OffsetDateTime now = now();
            if (row.revokedAt() != null) {
                return new Outcome(null, Refusal.UNKNOWN);
            }
            if (row.rotatedAt() != null) {
                tokens.revokeFamily(row.familyId(), now);
                log.warn("Refresh token reuse for user {}: family {} revoked", row.userId(), row.familyId());
                return new Outcome(null, Refusal.REUSED);
            }
            if (!row.expiresAt().isAfter(now)) {
                return new Outcome(null, Refusal.UNKNOWN);
            }
            Optional<UserAccount> user = users.find(row.userId());
            if (user.isEmpty() || user.get().status() == UserStatus.BANNED) {
                tokens.revokeFamily(row.familyId(), now);
                return new Outcome(null, user.isEmpty() ? Refusal.UNKNOWN : Refusal.BANNED);
            }
            tokens.markRotated(row.id(), now);
            return new Outcome(issue(user.get(), row.familyId(), client), null);
        });
        if (outcome.refusal() == Refusal.BANNED) {
            throw ApiException.forbidden(ErrorCodes.ACCOUNT_BANNED, "This account is banned");
        }
        if (outcome.refusal() != null) {
            throw unauthenticated();
        }
        return outcome.pair();
    }

    /** Revokes the family of the presented token (unknown tokens are ignored: logging out always succeeds). */
    @Transactional
    void logout(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return;
        }
        tokens.lock(presented).ifPresent(row -> tokens.revokeFamily(row.familyId(), now()));
    }

    /** A banned user's sessions end now (access tokens are refused by the status filter meanwhile). */
    @EventListener
    void on(UserStatusChanged event) {
        if (event.to() == UserStatus.BANNED) {
            tokens.revokeAllOf(event.userId(), now());
        }
    }

    @Scheduled(cron = "0 17 3 * * *")
    void deleteExpired() {
        int deleted = tokens.deleteExpired(now().minusDays(1));
        if (deleted > 0) {
            log.info("Deleted {} expired refresh tokens", deleted);
        }
    }

    private TokenPair issue(UserAccount user, UUID familyId, UserSignal client) {
        String refresh = RefreshTokens.newToken();
        tokens.insert(
                refresh,
                familyId,
                user.id(),
                now().plus(properties.refreshTokenTtl()),
                client == null ? null : client.ip(),
                client == null ? null : client.userAgent());
        return new TokenPair(user, accessTokens.issue(user), refresh, accessTokens.ttlSeconds());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static ApiException unauthenticated() {
        return new ApiException(
                HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "The session has ended; log in again");
    }
}
