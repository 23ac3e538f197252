package com.pilimarket.payments;

import com.pilimarket.payments.internal.Purchase;
import com.pilimarket.payments.internal.PurchaseCheckout;
import com.pilimarket.payments.internal.PurchaseRecords;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.Page;
import com.pilimarket.shared.PageQuery;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments module's API: chip packages, starting a purchase, and a buyer's purchases. Chips are
 * credited later, only by verified provider events (see {@link ChipsPurchased}).
 */
@Service
public class Payments {

    private final PurchaseCheckout checkout;
    private final PurchaseRecords purchases;

    Payments(PurchaseCheckout checkout, PurchaseRecords purchases) {
        this.checkout = checkout;
        this.purchases = purchases;
    }

    public List<ChipPackage> packages() {
        return checkout.packages();
    }

    /** The custom amount's bounds and the daily limit, as configured. */
    public PurchaseLimits limits() {
        return checkout.limits();
    }

    /** Creates a pending purchase and its checkout; the same Idempotency-Key and body return the same purchase. */
    public PurchaseView start(UUID userId, NewPurchase request) {
        return checkout.start(userId, request);
    }

    /**
     * Marks a purchase for review under {@code rule} (added to its {@code flag_reason}), or clears the
     * mark when {@code flagged} is false (moderation, once no open flag remains on it).
     */
    @Transactional
    public void setFlagged(UUID purchaseId, boolean flagged, String rule) {
        if (flagged) {
            purchases.flag(purchaseId, rule);
        } else {
            purchases.unflag(purchaseId);
        }
    }

    /** The user's purchases, newest first. */
    @Transactional(readOnly = true)
    public Page<PurchaseView> history(UUID userId, PageQuery page) {
        return purchases.ofUser(userId, page).map(Purchase::view);
    }

    /** One of the user's purchases; someone else's is "not found", not "forbidden". */
    @Transactional(readOnly = true)
    public PurchaseView find(UUID userId, UUID purchaseId) {
        return purchases
                .find(purchaseId)
                .filter(p -> p.userId().equals(userId))
                .map(Purchase::view)
                .orElseThrow(() -> ApiException.notFound("Purchase"));
    }
}
