package com.pilimarket.auth;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.HandleRules;
import com.pilimarket.users.NewUser;
import com.pilimarket.users.ProfileRules;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserSignal;
import com.pilimarket.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates accounts: validated email, password and display name, an Argon2id hash, and the signup
 * bonus through the ledger in the same transaction. Also the way seeders and the startup superadmin
 * create users, so every account has a real hash and a ledger-backed balance.
 */
@Service
public class Registrations {

    public static final int PASSWORD_MIN = 10;
    /** Long enough for any passphrase, short enough that hashing stays cheap. */
    public static final int PASSWORD_MAX = 256;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final Users users;
    private final Ledger ledger;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final long signupBonus;

    Registrations(
            Users users,
            Ledger ledger,
            PasswordEncoder passwords,
            TransactionTemplate transactions,
            @Value("${pilimarket.chips.signup-bonus:1000}") long signupBonus) {
        this.users = users;
        this.ledger = ledger;
        this.passwords = passwords;
        this.transactions = transactions;
        this.signupBonus = signupBonus;
    }

    /** Creates a user with the given role and the signup bonus (for the demo-data seeder and admin bootstrap). */
    public UserAccount registerUser(String email, String password, String displayName, UserRole role) {
        return register(email, password, displayName, role, null);
    }

    /**
     * Registers a user from the sign-up form: 400 per bad field, 409 {@code EMAIL_TAKEN}; records
     * the device, IP and user agent when a signal is given.
     */
    public UserAccount register(String email, String password, String displayName, UserRole role, UserSignal signal) {
        return register(email, password, displayName, null, null, role, signal);
    }

    /**
     * Registers a user with the handle they chose ({@code null}: derived from the display name), and
     * the inviter's handle when they came through a referral link: 400 per bad field, 409
     * {@code EMAIL_TAKEN} or {@code HANDLE_TAKEN}.
     */
    public UserAccount register(
            String email,
            String password,
            String displayName,
            String handle,
            String referralCode,
            UserRole role,
            UserSignal signal) {
        List<ApiError> errors = new ArrayList<>();
        String normalizedEmail = normalizeEmail(email);
        if (normalizedEmail == null
                || normalizedEmail.length() > 254
                || !EMAIL.matcher(normalizedEmail).matches()) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, "email", "must be a valid email address"));
        }
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            errors.add(new ApiError(
                    ErrorCodes.VALIDATION_FAILED, "password", "must be at least 10 (and at most 256) characters"));
        }
        String name = null;
        try {
            name = ProfileRules.displayName(displayName);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        String chosenHandle = null;
        if (handle != null && !handle.isBlank()) {
            try {
                chosenHandle = HandleRules.chosen(handle);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (users.findByEmail(normalizedEmail).isPresent()) {
            throw emailTaken();
        }
        // Hash before opening the transaction: Argon2 is deliberately slow and needs no connection.
        String hash = passwords.encode(password);
        String cleanName = name;
        String newHandle = chosenHandle;
        String referral = referralCode == null || referralCode.isBlank() ? null : referralCode.strip();
        // A derived handle another registration took a moment ago: derive again (its suffix moves on).
        for (int attempt = 1; ; attempt++) {
            try {
                return create(normalizedEmail, hash, cleanName, newHandle, referral, role, signal);
            } catch (DuplicateKeyException e) {
                if (!isHandleClash(e)) {
                    throw emailTaken();
                }
                if (newHandle != null || attempt >= 3) {
                    throw ApiException.conflict(Users.HANDLE_TAKEN, "This handle is taken");
                }
            }
        }
    }

    /** Whether a normalized address looks like an email address (the sign-up form's rule). */
    public static boolean isValidEmail(String normalizedEmail) {
        return normalizedEmail != null
                && normalizedEmail.length() <= 254
                && EMAIL.matcher(normalizedEmail).matches();
    }

    /** The sign-up form's password rule, for a new password chosen elsewhere (a reset). */
    public static void checkPassword(String password) {
        if (password == null || password.length() < PASSWORD_MIN || password.length() > PASSWORD_MAX) {
            throw new ValidationException(List.of(new ApiError(
                    ErrorCodes.VALIDATION_FAILED, "password", "must be at least 10 (and at most 256) characters")));
        }
    }

    private static boolean isHandleClash(DuplicateKeyException e) {
        String message = e.getMostSpecificCause().getMessage();
        return message != null && message.contains("users_handle_key");
    }

    private UserAccount create(
            String normalizedEmail,
            String hash,
            String cleanName,
            String handle,
            String referralCode,
            UserRole role,
            UserSignal signal) {
        return transactions.execute(tx -> {
            UserAccount user = users.create(new NewUser(
                    normalizedEmail,
                    hash,
                    cleanName,
                    handle,
                    role == null ? UserRole.USER : role,
                    signal == null ? null : signal.ip(),
                    signal == null ? null : signal.deviceId(),
                    referralCode));
            if (signupBonus > 0) {
                ledger.post(Transfer.move(
                        "signup:" + user.id(), "signup bonus", Account.MINT, Account.user(user.id()), signupBonus));
            }
            if (signal != null) {
                users.recordSignal(user.id(), signal);
            }
            return users.require(user.id());
        });
    }

    /** Emails are compared trimmed and lower-cased. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    private static ApiException emailTaken() {
        return ApiException.conflict(ErrorCodes.EMAIL_TAKEN, "An account with this email already exists");
    }
}
