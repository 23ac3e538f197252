package com.pilimarket.ledger;

import java.util.Objects;
import java.util.UUID;

/**
 * A chip account: one per user (its balance is {@code users.chips}), one pool per market, and the
 * system accounts {@code MINT} (where chips come from) and {@code HOUSE} (fees and rounding breakage).
 */
public record Account(String code) implements Comparable<Account> {

    public static final Account MINT = new Account("MINT");
    public static final Account HOUSE = new Account("HOUSE");

    private static final String USER = "user:";
    private static final String POOL = "pool:";

    public Account {
        Objects.requireNonNull(code, "code");
    }

    public static Account user(UUID userId) {
        return new Account(USER + userId);
    }

    public static Account pool(UUID marketId) {
        return new Account(POOL + marketId);
    }

    public boolean isUser() {
        return code.startsWith(USER);
    }

    public boolean isPool() {
        return code.startsWith(POOL);
    }

    /** The user or market this account belongs to; null for system accounts. */
    public UUID ownerId() {
        if (isUser()) {
            return UUID.fromString(code.substring(USER.length()));
        }
        if (isPool()) {
            return UUID.fromString(code.substring(POOL.length()));
        }
        return null;
    }

    /** Accounts are always locked in this order, so concurrent transfers cannot deadlock. */
    @Override
    public int compareTo(Account other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
