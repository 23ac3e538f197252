package com.pilimarket.payments;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;

/** Collects the payments module's events, whichever thread published them (the server's, in HTTP tests). */
class PaymentEventsRecorder {

    final List<Object> events = new CopyOnWriteArrayList<>();

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

    <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
