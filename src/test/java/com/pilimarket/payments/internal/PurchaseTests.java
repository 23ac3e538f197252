package com.pilimarket.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.pilimarket.payments.PaymentProvider;
import com.pilimarket.payments.PurchaseStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseTests {

    static Purchase purchase(PurchaseStatus status) {
        return new Purchase(
                UUID.randomUUID(),
                UUID.randomUUID(),
                PaymentProvider.GCASH,
                500,
                50_000,
                "PHP",
                "popular",
                null,
                null,
                null,
                "/sandbox/checkout/x",
                status,
                null,
                0,
                0,
                false,
                null,
                null,
                null,
                null,
                Instant.now());
    }

    @Test
    void a_pending_or_failed_purchase_is_credited_only_for_the_exact_amount_in_pesos() {
        assertThat(purchase(PurchaseStatus.PENDING).onPaid(50_000L, "PHP")).isEqualTo(Purchase.OnPaid.CREDIT);
        assertThat(purchase(PurchaseStatus.PENDING).onPaid(50_000L, "php")).isEqualTo(Purchase.OnPaid.CREDIT);
        assertThat(purchase(PurchaseStatus.FAILED).onPaid(50_000L, "PHP")).isEqualTo(Purchase.OnPaid.CREDIT);
        assertThat(purchase(PurchaseStatus.PENDING).onPaid(49_999L, "PHP")).isEqualTo(Purchase.OnPaid.AMOUNT_MISMATCH);
        assertThat(purchase(PurchaseStatus.PENDING).onPaid(50_000L, "USD")).isEqualTo(Purchase.OnPaid.AMOUNT_MISMATCH);
        assertThat(purchase(PurchaseStatus.PENDING).onPaid(null, null)).isEqualTo(Purchase.OnPaid.AMOUNT_MISMATCH);
    }

    @Test
    void a_completed_or_reversed_purchase_is_never_credited_again() {
        assertThat(purchase(PurchaseStatus.COMPLETED).onPaid(50_000L, "PHP"))
                .isEqualTo(Purchase.OnPaid.ALREADY_CREDITED);
        assertThat(purchase(PurchaseStatus.REFUNDED).onPaid(50_000L, "PHP"))
                .isEqualTo(Purchase.OnPaid.ALREADY_REVERSED);
        assertThat(purchase(PurchaseStatus.DISPUTED).onPaid(50_000L, "PHP"))
                .isEqualTo(Purchase.OnPaid.ALREADY_REVERSED);
    }

    @Test
    void only_a_pending_purchase_can_fail() {
        assertThat(purchase(PurchaseStatus.PENDING).onFailed()).isEqualTo(Purchase.OnFailed.FAIL);
        assertThat(purchase(PurchaseStatus.COMPLETED).onFailed()).isEqualTo(Purchase.OnFailed.NO_CHANGE);
        assertThat(purchase(PurchaseStatus.FAILED).onFailed()).isEqualTo(Purchase.OnFailed.NO_CHANGE);
    }

    @Test
    void a_reversal_never_takes_a_balance_below_zero_and_records_the_rest_as_debt() {
        Purchase completed = purchase(PurchaseStatus.COMPLETED);

        assertThat(completed.onReversal()).isEqualTo(Purchase.OnReversal.REVERSE_CREDIT);
        assertThat(completed.reversal(2_000)).isEqualTo(new Purchase.Reversal(500, 0));
        assertThat(completed.reversal(300)).isEqualTo(new Purchase.Reversal(300, 200));
        assertThat(completed.reversal(0)).isEqualTo(new Purchase.Reversal(0, 500));
        assertThat(purchase(PurchaseStatus.PENDING).onReversal()).isEqualTo(Purchase.OnReversal.CLOSE_UNPAID);
        assertThat(purchase(PurchaseStatus.REFUNDED).onReversal()).isEqualTo(Purchase.OnReversal.ALREADY_REVERSED);
    }
}
