package com.pilimarket.auth.internal;

import com.pilimarket.shared.RateLimitedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-account login throttle, shared by every instance through PostgreSQL. An attempt is recorded as
 * a failure <em>before</em> the password is hashed (so parallel guesses cannot all slip in before the
 * first one counts, and a refused attempt costs no Argon2 work); a success clears it. The per-IP limit
 * (RateLimitFilter) still applies on top: this one stops a guesser who spreads over many addresses.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final LoginThrottleProperties rule;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, TransactionTemplate transactions, LoginThrottleProperties rule, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rule = rule;
        this.clock = clock;
    }

    /** Counts an attempt on this account (a normalised email), or refuses it with 429 while it is locked. */
    void beginAttempt(String email) {
        String accountKey = keyOf(email);
        Instant now = clock.instant();
        long retryAfter = transactions.execute(status -> {
            jdbc.sql("""
                    INSERT INTO login_throttle (account_key, failures, last_failure_at) VALUES (:k, 0, :now)
                    ON CONFLICT (account_key) DO NOTHING
                    """)
                    .param("k", accountKey)
                    .param("now", Timestamp.from(now))
                    .update();
            LoginBackoff current = jdbc.sql("""
                            SELECT failures, last_failure_at, locked_until FROM login_throttle
                            WHERE account_key = :k FOR UPDATE
                            """)
                    .param("k", accountKey)
                    .query((rs, n) -> new LoginBackoff(
                            rs.getInt(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3) == null
                                    ? null
                                    : rs.getTimestamp(3).toInstant()))
                    .single();
            long wait = current.retryAfterSeconds(now);
            if (wait > 0) {
                return wait;
            }
            LoginBackoff next = current.afterFailure(now, rule);
            jdbc.sql("""
                    UPDATE login_throttle SET failures = :f, last_failure_at = :at, locked_until = :until
                    WHERE account_key = :k
                    """)
                    .param("f", next.failures())
                    .param("at", Timestamp.from(next.lastFailureAt()))
                    .param("until", next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()))
                    .param("k", accountKey)
                    .update();
            return 0L;
        });
        if (retryAfter > 0) {
            throw new RateLimitedException(retryAfter);
        }
    }

    /** The password was right: the account's failures are forgiven. */
    void succeeded(String email) {
        jdbc.sql("DELETE FROM login_throttle WHERE account_key = :k")
                .param("k", keyOf(email))
                .update();
    }

    /** Drops records whose failures no longer count; once an hour, on one instance. */
    @Scheduled(cron = "0 41 * * * *")
    @SchedulerLock(name = "login-throttle-cleanup", lockAtMostFor = "PT10M")
    void forgetOld() {
        Instant now = clock.instant();
        int deleted = jdbc.sql("DELETE FROM login_throttle WHERE last_failure_at < :cutoff"
                        + " AND (locked_until IS NULL OR locked_until < :now)")
                .param("cutoff", Timestamp.from(now.minus(rule.window()).minus(rule.maxDelay())))
                .param("now", Timestamp.from(now))
                .update();
        if (deleted > 0) {
            log.info("Forgot {} expired login throttle records", deleted);
        }
    }

    /** The email's SHA-256: mistyped and unknown addresses are throttled too, but not kept readable. */
    private static String keyOf(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
