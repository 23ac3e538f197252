package com.pilimarket.ledger;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One line of a user's chip statement ({@code GET /users/me/transactions}). {@code reasonCode} is
 * the stable kind of movement ({@code forecast}, {@code payout}, {@code refund}, {@code chip_purchase},
 * {@code signup_bonus}, {@code admin_grant}, …); {@code reason} is its label in the reader's language.
 */
public record LedgerEntryView(
        long id,
        long amount,
        long balanceAfter,
        String reason,
        String reasonCode,
        String reference,
        OffsetDateTime createdAt) {

    /** The code of a stored reason: ledger transactions store it as words ("signup bonus"). */
    public static String codeOf(String storedReason) {
        return storedReason.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    LedgerEntryView labelled(String label) {
        return new LedgerEntryView(id, amount, balanceAfter, label, reasonCode, reference, createdAt);
    }
}
