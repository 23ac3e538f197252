package com.pilimarket.shared;

import java.util.Comparator;
import java.util.UUID;

/**
 * UUIDs in PostgreSQL's order. Rows are locked in that order everywhere (SQL {@code ORDER BY id}),
 * so Java code that locks rows one by one must sort the same way: {@link UUID#compareTo} compares
 * the two halves as <em>signed</em> longs ({@code f000…} before {@code 1000…}), PostgreSQL
 * compares the 16 bytes unsigned ({@code 1000…} before {@code f000…}). Mixing the two orders is
 * how two transactions end up waiting for each other.
 */
public final class Uuids {

    /** PostgreSQL's order of {@code uuid} values: bytewise, unsigned. */
    public static final Comparator<UUID> POSTGRES_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private Uuids() {}
}
