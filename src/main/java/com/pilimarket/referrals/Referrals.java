package com.pilimarket.referrals;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.referrals.internal.ReferralRecords;
import com.pilimarket.referrals.internal.ReferralRecords.ReferralRow;
import com.pilimarket.shared.ApiException;
import com.pilimarket.users.UserAccount;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals: an account registered through someone's link ({@code /r/{handle}}) earns both people a
 * bonus once the new account places its first forecast. The bonus is minted through the ledger under
 * the reference {@code referral:{invitee_id}}, so it is paid once however often the forecast event is
 * delivered; the referrer earns at most {@code monthlyCap} bonuses a month (Manila time); accounts the
 * fraud signals tie together (a shared device, a flagged account) get nothing and are flagged.
 */
@Service
public class Referrals {

    public static final String REASON_SAME_DEVICE = "same_device";
    public static final String REASON_FLAGGED = "flagged_account";
    public static final String REASON_REFERRER_INACTIVE = "referrer_inactive";

    private static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    private final ReferralRecords records;
    private final Users users;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long bonus;
    private final int monthlyCap;

    Referrals(
            ReferralRecords records,
            Users users,
            Ledger ledger,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${pilimarket.referrals.bonus:100}") long bonus,
            @Value("${pilimarket.referrals.monthly-cap:20}") int monthlyCap) {
        if (bonus < 0 || monthlyCap < 0) {
            throw new IllegalArgumentException("pilimarket.referrals.bonus and monthly-cap must not be negative");
        }
        this.records = records;
        this.users = users;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
        this.bonus = bonus;
        this.monthlyCap = monthlyCap;
    }

    /** Remembers that {@code inviteeId} registered through {@code referrerId}'s link (idempotent). */
    @Transactional
    public void invited(UUID inviteeId, UUID referrerId) {
        if (inviteeId.equals(referrerId)) {
            return;
        }
        users.find(referrerId).ifPresent(referrer -> records.insert(inviteeId, referrerId, referrer.handle()));
    }

    /** Settles the invitations of those of these users who placed their first forecast. */
    public void forecastsPlaced(List<UUID> userIds) {
        for (UUID inviteeId : records.pendingAmong(userIds)) {
            settle(inviteeId);
        }
    }

    /**
     * Pays, caps or refuses the bonus of one invitation that still waits, in one transaction with the
     * ledger posting; an invitation already settled is left alone.
     */
    @Transactional
    public void settle(UUID inviteeId) {
        Optional<ReferralRow> waiting = records.lockPending(inviteeId);
        if (waiting.isEmpty()) {
            return;
        }
        UUID referrerId = waiting.get().referrerId();
        records.lockReferrer(referrerId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        UserAccount referrer = users.require(referrerId);
        UserAccount invitee = users.require(inviteeId);

        Optional<String> device = users.sharedDevice(referrerId, inviteeId);
        if (device.isPresent() || referrer.flagged() || invitee.flagged()) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("referrer_id", referrerId.toString());
            evidence.put("invitee_id", inviteeId.toString());
            device.ifPresent(d -> evidence.put("device_id", d));
            if (device.isEmpty()) {
                evidence.put("flagged", referrer.flagged() ? "referrer" : "invitee");
            }
            String reason = device.isPresent() ? REASON_SAME_DEVICE : REASON_FLAGGED;
            records.settle(inviteeId, ReferralStatus.REFUSED, reason, 0, 0, now);
            events.publishEvent(new ReferralRefused(referrerId, inviteeId, reason, evidence));
            return;
        }
        if (!referrer.canWrite()) {
            records.settle(inviteeId, ReferralStatus.REFUSED, REASON_REFERRER_INACTIVE, 0, 0, now);
            return;
        }
        boolean capped = records.paidSince(referrerId, monthStart(now)) >= monthlyCap;
        long referrerBonus = capped ? 0 : bonus;
        if (bonus > 0) {
            Transfer.Builder transfer = Transfer.builder("referral:" + inviteeId, "referral bonus")
                    .debit(Account.MINT, bonus + referrerBonus)
                    .credit(Account.user(inviteeId), bonus);
            if (referrerBonus > 0) {
                transfer.credit(Account.user(referrerId), referrerBonus);
            }
            ledger.post(transfer.build().withMetadata(Map.of("referrer_id", referrerId.toString())));
        }
        records.settle(
                inviteeId, capped ? ReferralStatus.CAPPED : ReferralStatus.PAID, null, referrerBonus, bonus, now);
        events.publishEvent(new ReferralPaid(referrerId, inviteeId, referrerBonus, bonus));
    }

    /** The caller's link code, what they earned and their invitees, newest first. */
    @Transactional(readOnly = true)
    public MyReferrals mine(UUID userId, int limit, int offset) {
        UserAccount me = users.find(userId).orElseThrow(() -> ApiException.notFound("User"));
        List<ReferralRow> rows = records.ofReferrer(userId, limit, offset);
        Map<UUID, UserAccount> invitees =
                users.findAll(rows.stream().map(ReferralRow::inviteeId).toList());
        List<MyReferrals.Invitee> list = rows.stream()
                .filter(row -> invitees.containsKey(row.inviteeId()))
                .map(row -> {
                    UserAccount u = invitees.get(row.inviteeId());
                    return new MyReferrals.Invitee(
                            u.id(),
                            u.displayName(),
                            u.handle(),
                            u.avatarUrl(),
                            row.status().value(),
                            row.refusalReason(),
                            row.referrerBonus(),
                            row.createdAt(),
                            row.settledAt());
                })
                .toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new MyReferrals(
                me.handle(),
                bonus,
                monthlyCap,
                records.paidSince(userId, monthStart(now)),
                records.earned(userId),
                records.countOf(userId),
                list);
    }

    /** Sign-ups through referral links and the bonuses paid, for the admin overview. */
    @Transactional(readOnly = true)
    public ReferralStats stats() {
        return records.stats(OffsetDateTime.now(clock).minus(Duration.ofDays(7)));
    }

    private static OffsetDateTime monthStart(OffsetDateTime now) {
        return now.atZoneSameInstant(MANILA)
                .withDayOfMonth(1)
                .toLocalDate()
                .atStartOfDay(MANILA)
                .toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }
}
