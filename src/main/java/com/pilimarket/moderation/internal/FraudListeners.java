package com.pilimarket.moderation.internal;

import com.pilimarket.moderation.internal.Finding.Repeat;
import com.pilimarket.payments.ChipsPurchased;
import com.pilimarket.payments.PurchaseFlagged;
import com.pilimarket.payments.PurchaseReversed;
import com.pilimarket.referrals.ReferralRefused;
import com.pilimarket.users.UserRegistered;
import com.pilimarket.users.Users;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Checks at registration and purchase time (durable listeners, after the triggering transaction):
 * the new account's device and IP, payments' own purchase flags, and chargebacks that left debt.
 */
@Component
class FraudListeners {

    static final String CHARGEBACK_DEBT = "chargeback_debt";
    static final String REFERRAL_TIED_ACCOUNTS = "referral_tied_accounts";

    private final MultiAccountDeviceRule devices;
    private final MultiAccountIpRule ips;
    private final Flagging flagging;
    private final Users users;
    private final Clock clock;

    FraudListeners(
            MultiAccountDeviceRule devices, MultiAccountIpRule ips, Flagging flagging, Users users, Clock clock) {
        this.devices = devices;
        this.ips = ips;
        this.flagging = flagging;
        this.users = users;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(UserRegistered event) {
        checkSignupClusters(event.userId());
    }

    /** A purchase by an account whose device or IP cluster grew since it registered is caught now, not next hour. */
    @ApplicationModuleListener
    void on(ChipsPurchased event) {
        checkSignupClusters(event.userId());
    }

    @ApplicationModuleListener
    void on(PurchaseFlagged event) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("payments_rule", event.rule());
        if (event.evidence() != null) {
            evidence.putAll(event.evidence());
        }
        String rule = "purchase_" + event.rule();
        Finding finding = event.purchaseId() == null
                ? Finding.user(event.userId(), rule, evidence, Repeat.UNLESS_OPEN)
                : new Finding(
                        SubjectType.PURCHASE, event.purchaseId(), event.userId(), rule, evidence, Repeat.UNLESS_OPEN);
        flagging.raise(List.of(finding));
    }

    /** A referral bonus refused because the accounts are tied: both accounts go to the review queue. */
    @ApplicationModuleListener
    void on(ReferralRefused event) {
        Map<String, Object> evidence = new LinkedHashMap<>(event.evidence());
        evidence.put("reason", event.reason());
        flagging.raise(List.of(
                Finding.user(event.referrerId(), REFERRAL_TIED_ACCOUNTS, evidence, Repeat.UNLESS_OPEN),
                Finding.user(event.inviteeId(), REFERRAL_TIED_ACCOUNTS, evidence, Repeat.UNLESS_OPEN)));
    }

    /**
     * A refund or chargeback after the chips were spent: the shortfall becomes the account's debt and
     * the purchase is flagged, once per purchase however often the event is delivered.
     */
    @ApplicationModuleListener
    void on(PurchaseReversed event) {
        if (event.debt() <= 0) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("debt", event.debt());
        evidence.put("chips_reversed", event.chipsReversed());
        evidence.put("reason", event.reason().value());
        Finding finding = new Finding(
                SubjectType.PURCHASE, event.purchaseId(), event.userId(), CHARGEBACK_DEBT, evidence, Repeat.ONCE);
        if (!flagging.raise(List.of(finding)).isEmpty()) {
            users.addChipDebt(event.userId(), event.debt());
        }
    }

    private void checkSignupClusters(UUID userId) {
        List<Finding> findings = new ArrayList<>(devices.checkUser(userId, clock.instant()));
        findings.addAll(ips.checkUser(userId, clock.instant()));
        if (!findings.isEmpty()) {
            flagging.raise(findings);
        }
    }
}
