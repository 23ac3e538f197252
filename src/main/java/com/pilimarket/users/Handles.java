package com.pilimarket.users;

import com.pilimarket.shared.ApiException;
import com.pilimarket.users.internal.HandleRecords;
import com.pilimarket.users.internal.UserRecords;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which handle a new account gets, and a user's own change of handle: unique, not reserved, and at
 * most once in {@link Users#HANDLE_CHANGE_INTERVAL}. The format itself is {@link HandleRules}.
 */
@Component
class Handles {

    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    private final Random random = new Random();

    private final HandleRecords records;
    private final UserRecords users;
    private final Clock clock;

    Handles(HandleRecords records, UserRecords users, Clock clock) {
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The handle of a new account: the one the user chose (409 {@code HANDLE_TAKEN} if someone has
     * it), else one derived from the display name, with the next free numeric suffix if needed.
     */
    String forNewAccount(String chosen, String displayName) {
        if (chosen == null) {
            return free(HandleRules.base(displayName));
        }
        String handle = HandleRules.chosen(chosen);
        if (records.taken(handle)) {
            throw taken();
        }
        return handle;
    }

    /**
     * The user's change to {@code raw}: 400 for a malformed or reserved handle, 409
     * {@code HANDLE_TAKEN}, 422 {@code HANDLE_CHANGE_TOO_SOON} within a month of the last change.
     * Changing to the handle one already has changes nothing.
     */
    void change(UUID userId, String raw) {
        String handle = HandleRules.chosen(raw);
        UserAccount user = users.lockById(userId).orElseThrow(() -> ApiException.notFound("User"));
        if (handle.equals(user.handle())) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<OffsetDateTime> last = records.lastChangedAt(userId);
        if (last.isPresent() && last.get().plus(Users.HANDLE_CHANGE_INTERVAL).isAfter(now)) {
            String next = last.get()
                    .plus(Users.HANDLE_CHANGE_INTERVAL)
                    .atZoneSameInstant(MANILA)
                    .toLocalDate()
                    .toString();
            throw ApiException.unprocessable(
                    Users.HANDLE_CHANGE_TOO_SOON, "You can change your handle once a month; next from " + next);
        }
        if (records.taken(handle)) {
            throw taken();
        }
        records.change(userId, handle, now);
    }

    /** {@code base} if free, else {@code base} with the next numeric suffix. */
    private String free(String base) {
        if (!HandleRules.isReserved(base) && !records.taken(base)) {
            return base;
        }
        String prefix = HandleRules.suffixed(base, 0);
        prefix = prefix.substring(0, prefix.length() - 1);
        long n = Math.max(2, records.largestSuffix(prefix) + 1);
        while (true) {
            String candidate = HandleRules.suffixed(base, n > 99_999 ? 10_000 + random.nextInt(90_000) : n);
            if (!HandleRules.isReserved(candidate) && !records.taken(candidate)) {
                return candidate;
            }
            n++;
        }
    }

    private static ApiException taken() {
        return ApiException.conflict(Users.HANDLE_TAKEN, "This handle is taken");
    }
}
