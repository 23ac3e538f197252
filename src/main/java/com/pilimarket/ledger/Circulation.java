package com.pilimarket.ledger;

/** Chips by holder: users, market pools and the house; {@code minted} is MINT's balance negated (their sum). */
public record Circulation(long users, long pools, long house, long minted) {

    /** Chips outside the mint: everything users, pools and the house hold. */
    public long total() {
        return users + pools + house;
    }
}
