package com.pilimarket.ledger;

import java.time.OffsetDateTime;

/** One line of a user's chip statement ({@code GET /users/me/transactions}). */
public record LedgerEntryView(
        long id, long amount, long balanceAfter, String reason, String reference, OffsetDateTime createdAt) {}
