package com.pilimarket.ledger;

import java.util.Map;
import java.util.UUID;

/**
 * The result of posting a transfer: its transaction id, whether it had been posted before (a
 * replay changes nothing), and each user's balance right after it.
 */
public record Posted(UUID transactionId, boolean replayed, Map<UUID, Long> userBalancesAfter) {

    public Posted {
        userBalancesAfter = Map.copyOf(userBalancesAfter);
    }

    public long balanceOf(UUID userId) {
        Long balance = userBalancesAfter.get(userId);
        if (balance == null) {
            throw new IllegalArgumentException("user " + userId + " is not part of this transfer");
        }
        return balance;
    }
}
