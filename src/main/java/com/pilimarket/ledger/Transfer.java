package com.pilimarket.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A balanced set of postings under a unique idempotency reference such as {@code purchase:{id}} or
 * {@code payout:{market}:{user}}. Posting the same reference twice is a no-op.
 */
public record Transfer(String reference, String reason, List<Posting> postings, Map<String, Object> metadata) {

    public Transfer {
        if (reference == null || reference.isBlank() || reference.length() > 200) {
            throw new IllegalArgumentException("a transfer needs a reference of 1–200 characters");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a transfer needs a reason");
        }
        postings = List.copyOf(postings);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        if (postings.size() < 2) {
            throw new IllegalArgumentException("a transfer has at least two postings");
        }
        long sum = 0;
        for (Posting posting : postings) {
            sum = Math.addExact(sum, posting.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("postings of " + reference + " sum to " + sum + ", not zero");
        }
        if (postings.stream().map(Posting::account).distinct().count() != postings.size()) {
            throw new IllegalArgumentException("each account appears once in a transfer");
        }
    }

    /** Moves {@code amount} chips from one account to another. */
    public static Transfer move(String reference, String reason, Account from, Account to, long amount) {
        return move(reference, reason, from, to, amount, Map.of());
    }

    /**
     * Moves {@code amount} chips from one account to another, with its metadata: built and checked once,
     * where {@code move(…).withMetadata(…)} builds the transfer twice (a settlement posts 33,000 of them in
     * a row, every placement one).
     */
    public static Transfer move(
            String reference, String reason, Account from, Account to, long amount, Map<String, Object> metadata) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        return new Transfer(reference, reason, List.of(new Posting(from, -amount), new Posting(to, amount)), metadata);
    }

    /** Starts a transfer with several legs. */
    public static Builder builder(String reference, String reason) {
        return new Builder(reference, reason);
    }

    public Transfer withMetadata(Map<String, Object> extra) {
        Map<String, Object> merged = new LinkedHashMap<>(metadata);
        merged.putAll(extra);
        return new Transfer(reference, reason, postings, merged);
    }

    /** Collects legs, merging several amounts on one account into one posting. */
    public static final class Builder {

        private final String reference;
        private final String reason;
        private final Map<Account, Long> amounts = new LinkedHashMap<>();

        private Builder(String reference, String reason) {
            this.reference = reference;
            this.reason = reason;
        }

        public Builder credit(Account account, long amount) {
            amounts.merge(Objects.requireNonNull(account), amount, Math::addExact);
            return this;
        }

        public Builder debit(Account account, long amount) {
            return credit(account, Math.negateExact(amount));
        }

        public Transfer build() {
            List<Posting> postings = new ArrayList<>();
            amounts.forEach((account, amount) -> {
                if (amount != 0) {
                    postings.add(new Posting(account, amount));
                }
            });
            return new Transfer(reference, reason, postings, Map.of());
        }
    }
}
