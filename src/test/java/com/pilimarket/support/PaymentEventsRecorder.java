package com.pilimarket.support;

import com.pilimarket.payments.ChipsPurchased;
import com.pilimarket.payments.PurchaseFlagged;
import com.pilimarket.payments.PurchaseReversed;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/**
 * Collects the payments module's events, whichever thread published them (the server's, in HTTP tests).
 * A fixture of every {@link IntegrationTest} context, so the payments tests need no context of their own.
 */
public class PaymentEventsRecorder {

    private final List<Object> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ChipsPurchased event) {
        events.add(event);
    }

    @EventListener
    void on(PurchaseReversed event) {
        events.add(event);
    }

    @EventListener
    void on(PurchaseFlagged event) {
        events.add(event);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
