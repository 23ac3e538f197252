package com.pilimarket.ledger;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One line of a user's chip statement ({@code GET /users/me/transactions}). {@code reasonCode} is
 * the stable kind of movement ({@code forecast}, {@code payout}, {@code refund}, {@code chip_purchase},
 * {@code signup_bonus}, {@code admin_grant}, …); {@code reason} is its label in the reader's language;
 * {@code marketId} is the market a forecast, payout, refund or house share belongs to (null otherwise).
 */
public record LedgerEntryView(
        long id,
        long amount,
        long balanceAfter,
        String reason,
        String reasonCode,
        String reference,
        OffsetDateTime createdAt,
        @Nullable UUID marketId) {

    /** The code of a stored reason: ledger transactions store it as words ("signup bonus"). */
    public static String codeOf(String storedReason) {
        return storedReason.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    LedgerEntryView labelled(String label) {
        return new LedgerEntryView(id, amount, balanceAfter, label, reasonCode, reference, createdAt, marketId);
    }
}
