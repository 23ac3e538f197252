package com.pilimarket.users;

import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Language;
import com.pilimarket.shared.LanguagePreferences;
import com.pilimarket.users.internal.FollowRecords;
import com.pilimarket.users.internal.UserRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users module's API: create and look up accounts and profiles. Balances are changed only by the ledger. */
@Service
public class Users implements LanguagePreferences {

    public static final String HANDLE_TAKEN = "HANDLE_TAKEN";
    public static final String HANDLE_CHANGE_TOO_SOON = "HANDLE_CHANGE_TOO_SOON";
    /** A handle changes at most once in this long ("once a month"). */
    public static final Duration HANDLE_CHANGE_INTERVAL = Duration.ofDays(30);

    private final UserRecords records;
    private final Handles handles;
    private final FollowRecords follows;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Users(UserRecords records, Handles handles, FollowRecords follows, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.handles = handles;
        this.follows = follows;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates an account with zero chips and publishes {@link UserRegistered}; the caller credits
     * any bonus through the ledger in the same transaction. A taken email is a
     * {@link org.springframework.dao.DuplicateKeyException}.
     */
    @Transactional
    public UserAccount create(NewUser user) {
        String handle = handles.forNewAccount(user.handle(), user.displayName());
        UserAccount account = records.insert(user, handle);
        // A referral link naming nobody (a typo, a handle changed since) registers without a referrer.
        UUID referrer = user.referralCode() == null
                ? null
                : findByHandle(user.referralCode())
                        .filter(UserAccount::canWrite)
                        .map(UserAccount::id)
                        .orElse(null);
        events.publishEvent(
                new UserRegistered(account.id(), account.displayName(), OffsetDateTime.now(clock), referrer));
        return account;
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(UUID id) {
        return records.findById(id);
    }

    /** The accounts of these ids that exist, by id (one query). */
    @Transactional(readOnly = true)
    public Map<UUID, UserAccount> findAll(Collection<UUID> ids) {
        Map<UUID, UserAccount> found = new HashMap<>();
        records.findAllById(ids).forEach(user -> found.put(user.id(), user));
        return found;
    }

    @Transactional(readOnly = true)
    public UserAccount require(UUID id) {
        return find(id).orElseThrow(() -> ApiException.notFound("User"));
    }

    /** The account with this handle (any case; an impossible handle finds nobody). */
    @Transactional(readOnly = true)
    public Optional<UserAccount> findByHandle(String handle) {
        String key = HandleRules.lookupKey(handle);
        return key == null ? Optional.empty() : records.findByHandle(key);
    }

    /** The public profile of the user with this handle, as {@code viewer} (null: a visitor) sees it. */
    @Transactional(readOnly = true)
    public PublicProfile publicProfileByHandle(String handle, UUID viewer) {
        UserAccount user = findByHandle(handle).orElseThrow(() -> ApiException.notFound("User"));
        return PublicProfile.of(user, records.badges(user.id()), follows.counts(user.id(), viewer));
    }

    /**
     * The handle the user may change to: 400 for a malformed or reserved one, 409
     * {@code HANDLE_TAKEN}, 422 {@code HANDLE_CHANGE_TOO_SOON} within a month of the last change.
     * Changing to the handle one already has changes nothing.
     */
    @Transactional
    public PrivateProfile changeHandle(UUID userId, String raw) {
        handles.change(userId, raw);
        return privateProfile(userId);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByEmail(String normalizedEmail) {
        return records.findByEmail(normalizedEmail);
    }

    /** The account and its password hash, for the login check. */
    @Transactional(readOnly = true)
    public Optional<StoredCredentials> credentials(String normalizedEmail) {
        return records.credentials(normalizedEmail);
    }

    @Transactional(readOnly = true)
    public long count() {
        return records.count();
    }

    /**
     * A device id both accounts were seen on (at signup, login or purchase), if any: the fraud
     * signal that ties two accounts to one person.
     */
    @Transactional(readOnly = true)
    public Optional<String> sharedDevice(UUID a, UUID b) {
        return records.sharedDevice(a, b);
    }

    /** Remembers the device, IP and user agent seen at register, login or purchase. */
    @Transactional
    public void recordSignal(UUID userId, UserSignal signal) {
        records.insertSignal(userId, signal);
    }

    /**
     * Marks or unmarks an account as flagged for review (the moderation module decides: an account
     * is flagged while it has an open flag). Returns true when the mark changed.
     */
    @Transactional
    public boolean setFlagged(UUID userId, boolean flagged) {
        return records.updateFlagged(userId, flagged);
    }

    /** Adds chips owed after a chargeback took back more than the balance held (never negative). */
    @Transactional
    public void addChipDebt(UUID userId, long debt) {
        if (debt < 0) {
            throw new IllegalArgumentException("debt must not be negative");
        }
        records.addChipDebt(userId, debt);
    }

    @Transactional(readOnly = true)
    public List<Badge> badges(UUID userId) {
        return records.badges(userId);
    }

    @Transactional(readOnly = true)
    public PrivateProfile privateProfile(UUID userId) {
        UserAccount user = require(userId);
        return PrivateProfile.of(
                user,
                records.badges(userId),
                records.language(userId).map(Language::value).orElse(null));
    }

    /** The public profile of the user, as {@code viewer} (null: a visitor) sees it. */
    @Transactional(readOnly = true)
    public PublicProfile publicProfile(UUID userId, UUID viewer) {
        UserAccount user = require(userId);
        return PublicProfile.of(user, records.badges(userId), follows.counts(userId, viewer));
    }

    /**
     * Sets the user's reputation (the reputation module recomputes it from settled forecasts; it is
     * never negative). Unknown users are ignored.
     */
    @Transactional
    public void updateReputation(UUID userId, double reputation) {
        records.updateReputation(userId, Math.max(0, reputation));
    }

    /**
     * The accounts of these ids that exist, by id, their rows locked until the transaction ends in
     * PostgreSQL's order (the ledger's), as {@link #lockInOrder} does: one query for both.
     */
    @Transactional
    public Map<UUID, UserAccount> lockAll(Collection<UUID> ids) {
        Map<UUID, UserAccount> found = new HashMap<>();
        if (!ids.isEmpty()) {
            records.lockAllById(ids).forEach(user -> found.put(user.id(), user));
        }
        return found;
    }

    /**
     * Locks these users' rows until the transaction ends, in PostgreSQL's order (the ledger's), for
     * work that must hold several users before it writes any of them.
     */
    @Transactional
    public void lockInOrder(Collection<UUID> userIds) {
        if (!userIds.isEmpty()) {
            records.lockInOrder(userIds);
        }
    }

    /**
     * Sets the reputation of many users at once, without deadlocking with the ledger: their rows
     * are locked first, in PostgreSQL's order (as the ledger locks them), and only then is
     * {@code reputationOf} asked for their values, so it reads every settlement committed before
     * the locks were granted. Users it leaves out get 0; no reputation is negative.
     */
    @Transactional
    public void updateReputations(
            Collection<UUID> userIds, Function<Collection<UUID>, Map<UUID, Double>> reputationOf) {
        if (userIds.isEmpty()) {
            return;
        }
        records.lockInOrder(userIds);
        Map<UUID, Double> computed = reputationOf.apply(userIds);
        Map<UUID, Double> reputations = new LinkedHashMap<>();
        for (UUID userId : userIds) {
            reputations.put(userId, Math.max(0, computed.getOrDefault(userId, 0.0)));
        }
        records.updateReputations(reputations);
    }

    /** The language the user saved in the app, if any. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Language> savedLanguage(UUID userId) {
        return records.language(userId);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Language> savedLanguages(Collection<UUID> userIds) {
        return userIds.isEmpty() ? Map.of() : records.languages(userIds);
    }

    /**
     * Marks the account's address verified, but only while {@code email} is still its address (a
     * link sent to an address the user has since changed verifies nothing). True when it is verified.
     */
    @Transactional
    public boolean markEmailVerified(UUID userId, String email) {
        return records.markEmailVerified(userId, email);
    }

    /**
     * Moves the account to an address its owner just confirmed from that address (so it counts as
     * verified). A taken address is a {@link org.springframework.dao.DuplicateKeyException}.
     */
    @Transactional
    public void changeEmail(UUID userId, String normalizedEmail) {
        records.changeEmail(userId, normalizedEmail);
    }

    /** Replaces the password hash (the auth module ends the account's sessions around it). */
    @Transactional
    public void changePasswordHash(UUID userId, String passwordHash) {
        records.updatePasswordHash(userId, passwordHash);
    }

    /** Applies a validated profile change to the caller's own account. */
    @Transactional
    public PrivateProfile updateProfile(UUID userId, ProfileUpdate update) {
        require(userId);
        if (update.handle() != null) {
            changeHandle(userId, update.handle());
        }
        records.updateProfile(userId, update);
        if (update.language() != null) {
            records.updateLanguage(userId, update.language());
        }
        return privateProfile(userId);
    }
}
