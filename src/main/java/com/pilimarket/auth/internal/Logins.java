package com.pilimarket.auth.internal;

import com.pilimarket.auth.Registrations;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.users.StoredCredentials;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.Users;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Checks email and password. Unknown email and wrong password give the same 401 after the same
 * amount of work (a dummy hash is verified), so responses do not reveal which accounts exist. Each
 * account (known or not) is throttled on its own after repeated failures ({@link LoginThrottle}).
 */
@Service
class Logins {

    private final Users users;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final String dummyHash;

    Logins(Users users, PasswordEncoder passwords, LoginThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.dummyHash = passwords.encode("dummy-password-for-equal-timing");
    }

    UserAccount authenticate(String email, String password) {
        String normalized = Registrations.normalizeEmail(email);
        boolean plausible = normalized != null
                && !normalized.isEmpty()
                && password != null
                && password.length() <= Registrations.PASSWORD_MAX;
        if (plausible) {
            // Before the hash: a locked account costs no Argon2 work, and the attempt counts at once.
            throttle.beginAttempt(normalized);
        }
        Optional<StoredCredentials> stored = plausible ? users.credentials(normalized) : Optional.empty();
        String hash = stored.map(StoredCredentials::passwordHash).orElse(dummyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        if (stored.isEmpty() || !matches) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCodes.INVALID_CREDENTIALS, "Wrong email or password");
        }
        throttle.succeeded(normalized);
        UserAccount user = stored.get().account();
        // Only someone who knows the password learns that the account is banned.
        if (user.status() == UserStatus.BANNED) {
            throw ApiException.forbidden(ErrorCodes.ACCOUNT_BANNED, "This account is banned");
        }
        return user;
    }
}
