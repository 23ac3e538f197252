package com.pilimarket.payments.internal;

import com.pilimarket.payments.PaymentProvider;
import com.pilimarket.payments.PurchaseStatus;
import com.pilimarket.payments.PurchaseView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

/**
 * A chip purchase and the rules of its life. Chips are credited only from a verified provider event
 * whose amount and currency match; a failure never undoes a completion; a refund or dispute reverses
 * a completed purchase once; a payment reported after a refund or dispute credits nothing.
 */
public record Purchase(
        UUID id,
        UUID userId,
        PaymentProvider provider,
        long chips,
        long amountCents,
        String currency,
        String packageId,
        String providerTxId,
        String providerPaymentId,
        String clientSecret,
        String checkoutUrl,
        PurchaseStatus status,
        String failureReason,
        long chipsReversed,
        long debtRecorded,
        boolean flagged,
        String flagReason,
        String idempotencyKey,
        String requestHash,
        Instant completedAt,
        Instant createdAt) {

    /** What a verified "paid" event does to this purchase. */
    public enum OnPaid {
        CREDIT,
        ALREADY_CREDITED,
        AMOUNT_MISMATCH,
        ALREADY_REVERSED
    }

    /** What a verified "failed" event does. */
    public enum OnFailed {
        FAIL,
        NO_CHANGE
    }

    /** What a verified refund or dispute does. */
    public enum OnReversal {
        REVERSE_CREDIT,
        CLOSE_UNPAID,
        ALREADY_REVERSED
    }

    /**
     * A payment settles a pending or failed purchase (the provider has the final word that money
     * arrived), but only for exactly the amount and currency we asked for.
     */
    public OnPaid onPaid(Long paidCents, String paidCurrency) {
        if (status == PurchaseStatus.COMPLETED) {
            return OnPaid.ALREADY_CREDITED;
        }
        if (status == PurchaseStatus.REFUNDED || status == PurchaseStatus.DISPUTED) {
            return OnPaid.ALREADY_REVERSED;
        }
        if (!matches(paidCents, paidCurrency)) {
            return OnPaid.AMOUNT_MISMATCH;
        }
        return OnPaid.CREDIT;
    }

    public OnFailed onFailed() {
        return status == PurchaseStatus.PENDING ? OnFailed.FAIL : OnFailed.NO_CHANGE;
    }

    public OnReversal onReversal() {
        return switch (status) {
            case COMPLETED -> OnReversal.REVERSE_CREDIT;
            case PENDING, FAILED -> OnReversal.CLOSE_UNPAID;
            case REFUNDED, DISPUTED -> OnReversal.ALREADY_REVERSED;
        };
    }

    public boolean matches(Long paidCents, String paidCurrency) {
        return paidCents != null
                && paidCents == amountCents
                && paidCurrency != null
                && paidCurrency.toUpperCase(Locale.ROOT).equals(currency);
    }

    /** Never below zero: what the balance covers is debited, the rest becomes debt. */
    public Reversal reversal(long balance) {
        long debit = Math.min(Math.max(balance, 0), chips);
        return new Reversal(debit, chips - debit);
    }

    /** The chips a reversal takes back and the part recorded as debt. */
    public record Reversal(long chipsDebited, long debt) {}

    public String creditReference() {
        return "purchase:" + id;
    }

    public String reversalReference() {
        return "purchase-reversal:" + id;
    }

    public PurchaseView view() {
        return new PurchaseView(
                id,
                status,
                provider,
                chips,
                amountCents,
                currency,
                packageId,
                status == PurchaseStatus.PENDING ? clientSecret : null,
                status == PurchaseStatus.PENDING ? checkoutUrl : null,
                failureReason,
                chipsReversed,
                createdAt.atOffset(ZoneOffset.UTC),
                completedAt == null ? null : completedAt.atOffset(ZoneOffset.UTC));
    }
}
