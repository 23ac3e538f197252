package com.pilimarket.users.internal;

import com.pilimarket.audit.AuditLog;
import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Posted;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import com.pilimarket.shared.Text;
import com.pilimarket.shared.ValidationException;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.UserRole;
import com.pilimarket.users.UserRoleChanged;
import com.pilimarket.users.UserStatus;
import com.pilimarket.users.UserStatusChanged;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console's user management. Rules: nobody acts on themselves; only a superadmin changes
 * roles; moderators and admins only act on accounts below their own role; the last active
 * superadmin cannot be demoted, suspended or banned; grants follow the same rules and stay within
 * their ceilings ({@link GrantLimits}). Every change is audited in its transaction.
 */
@Service
class AdminUsers {

    static final String LAST_SUPERADMIN = "LAST_SUPERADMIN";
    static final long MAX_GRANT = 10_000_000;

    private final UserRecords records;
    private final AdminUserRecords adminRecords;
    private final Ledger ledger;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final AdminGrants grants;
    private final GrantLimits limits;
    private final Clock clock;

    AdminUsers(
            UserRecords records,
            AdminUserRecords adminRecords,
            Ledger ledger,
            AuditLog audit,
            ApplicationEventPublisher events,
            AdminGrants grants,
            GrantLimits limits,
            Clock clock) {
        this.records = records;
        this.adminRecords = adminRecords;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
        this.grants = grants;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<AdminUserView> search(String q, String status, String role, String flagged, PageQuery page) {
        return adminRecords
                .search(q, parseStatus(status), parseRole(role), parseFlagged(flagged), page)
                .map(AdminUserView::of);
    }

    @Transactional(readOnly = true)
    AdminUserView find(UUID id) {
        return adminRecords.adminRow(id).map(AdminUserView::of).orElseThrow(() -> ApiException.notFound("User"));
    }

    @Transactional
    AdminUserView change(UUID actorId, UUID targetId, String statusValue, String roleValue, String rawReason) {
        List<ApiError> errors = new ArrayList<>();
        UserStatus status = parse(statusValue, "status", UserStatus::of, errors);
        UserRole role = parse(roleValue, "role", UserRole::of, errors);
        String reason = reason(rawReason, errors);
        if (errors.isEmpty() && status == null && role == null) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, null, "give a status or a role to change"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (actorId.equals(targetId)) {
            throw ApiException.forbidden("You cannot change your own account");
        }
        UserAccount actor = records.findById(actorId).orElseThrow(() -> ApiException.forbidden("You may not do this"));
        UserAccount target = records.lockById(targetId).orElseThrow(() -> ApiException.notFound("User"));
        if (role != null && actor.role() != UserRole.SUPERADMIN) {
            throw ApiException.forbidden("Only a superadmin changes roles");
        }
        if (actor.role() != UserRole.SUPERADMIN && !actor.role().atLeast(next(target.role()))) {
            throw ApiException.forbidden("You may only act on accounts below your own role");
        }
        boolean stopsBeingSuperadmin = target.role() == UserRole.SUPERADMIN
                && target.status() == UserStatus.ACTIVE
                && ((role != null && role != UserRole.SUPERADMIN) || (status != null && status != UserStatus.ACTIVE));
        if (stopsBeingSuperadmin && adminRecords.lockActiveSuperadmins() <= 1) {
            throw ApiException.unprocessable(LAST_SUPERADMIN, "The last active superadmin must stay one");
        }
        if (status != null && status != target.status()) {
            adminRecords.updateStatus(targetId, status);
            events.publishEvent(new UserStatusChanged(targetId, target.status(), status, actorId, reason));
            audit.record(
                    actorId,
                    "user.status_changed",
                    "user",
                    targetId.toString(),
                    Map.of("from", target.status().value(), "to", status.value(), "reason", reason));
        }
        if (role != null && role != target.role()) {
            adminRecords.updateRole(targetId, role);
            events.publishEvent(new UserRoleChanged(targetId, target.role(), role, actorId, reason));
            audit.record(
                    actorId,
                    "user.role_changed",
                    "user",
                    targetId.toString(),
                    Map.of("from", target.role().value(), "to", role.value(), "reason", reason));
        }
        return find(targetId);
    }

    /** What a grant did: the ledger reference and the user's balance after it. */
    record GrantResult(String reference, long chips, long balance) {}

    /**
     * Grants (positive) or takes back (negative) chips. The same rules as status changes: never on
     * yourself, only on accounts below your own role (a superadmin on anyone else). Within the
     * configured ceilings per grant and per day. With an {@code Idempotency-Key} the ledger reference
     * is {@code grant:{actor}:{key}}, so the same grant can never post twice; without one it is random.
     */
    @Transactional
    GrantResult grant(UUID actorId, UUID targetId, Long chips, String rawReason, String idempotencyKey) {
        List<ApiError> errors = new ArrayList<>();
        if (chips == null || chips == 0 || chips > MAX_GRANT || chips < -MAX_GRANT) {
            errors.add(new ApiError(
                    ErrorCodes.VALIDATION_FAILED, "chips", "must be a non-zero whole number within ±10,000,000"));
        }
        String reason = reason(rawReason, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (actorId.equals(targetId)) {
            throw ApiException.forbidden("You cannot grant chips to your own account");
        }
        // The actor's row first, then the target's: grants by one admin queue up, so the daily sum
        // below cannot be passed by two grants at once.
        UserAccount actor = records.lockById(actorId).orElseThrow(() -> ApiException.forbidden("You may not do this"));
        UserAccount target = records.lockById(targetId).orElseThrow(() -> ApiException.notFound("User"));
        if (actor.role() != UserRole.SUPERADMIN && !actor.role().atLeast(next(target.role()))) {
            throw ApiException.forbidden("You may only grant to accounts below your own role");
        }
        if (Math.abs(chips) > limits.maxPerGrant()) {
            throw ApiException.unprocessable(
                    GrantLimits.EXCEEDED, "One grant may move at most " + limits.maxPerGrant() + " chips");
        }
        if (chips > 0 && grants.grantedOn(actorId, clock.instant()) + chips > limits.maxPerDay()) {
            throw ApiException.unprocessable(
                    GrantLimits.EXCEEDED, "You may grant at most " + limits.maxPerDay() + " chips a day");
        }
        String reference =
                idempotencyKey == null ? "grant:" + UUID.randomUUID() : "grant:" + actorId + ":" + idempotencyKey;
        if (idempotencyKey != null && ledger.isPosted(reference)) {
            // The key's stored answer has expired, but its grant has not: it is not granted again.
            throw ApiException.conflict(
                    ErrorCodes.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used for an earlier grant");
        }
        Account user = Account.user(targetId);
        Transfer transfer = chips > 0
                ? Transfer.move(reference, "admin grant", Account.MINT, user, chips)
                : Transfer.move(reference, "admin debit", user, Account.MINT, -chips);
        Posted posted = ledger.post(transfer.withMetadata(Map.of("reason", reason, "actor_id", actorId.toString())));
        grants.record(reference, actorId, targetId, chips);
        long balance = posted.userBalancesAfter().get(targetId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("chips", chips);
        details.put("reason", reason);
        details.put("reference", reference);
        details.put("balance_after", balance);
        audit.record(actorId, "user.chips_granted", "user", targetId.toString(), details);
        return new GrantResult(reference, chips, balance);
    }

    private static UserRole next(UserRole role) {
        UserRole[] all = UserRole.values();
        return all[Math.min(role.ordinal() + 1, all.length - 1)];
    }

    private static String reason(String raw, List<ApiError> errors) {
        String reason = Text.cleanLine(raw);
        if (reason == null || reason.isEmpty() || reason.length() > 500) {
            errors.add(new ApiError(
                    ErrorCodes.VALIDATION_FAILED, "reason", "a reason of 1 to 500 characters is required"));
        }
        return reason;
    }

    private static UserStatus parseStatus(String value) {
        List<ApiError> errors = new ArrayList<>();
        UserStatus status = parse(value, "status", UserStatus::of, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return status;
    }

    private static Boolean parseFlagged(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new ValidationException(
                        List.of(new ApiError(ErrorCodes.VALIDATION_FAILED, "flagged", "must be true or false")));
        };
    }

    private static UserRole parseRole(String value) {
        List<ApiError> errors = new ArrayList<>();
        UserRole role = parse(value, "role", UserRole::of, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return role;
    }

    private static <T> T parse(
            String value, String field, java.util.function.Function<String, T> parser, List<ApiError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, field, "is not a known " + field));
            return null;
        }
    }
}
