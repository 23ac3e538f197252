package com.pilimarket.ledger;

import java.util.Objects;

/** One leg of a transfer: a signed amount on one account (credit positive, debit negative). */
public record Posting(Account account, long amount) {

    public Posting {
        Objects.requireNonNull(account, "account");
        if (amount == 0) {
            throw new IllegalArgumentException("a posting moves at least one chip");
        }
    }
}
