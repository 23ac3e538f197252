package com.pilimarket.payments.internal;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code payment_events}: every verified provider event, once per (provider, event id). */
@Repository
public class PaymentEventRecords {

    private final JdbcClient jdbc;

    PaymentEventRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an event; false when it was recorded before. A concurrent copy waits on the unique
     * index until the first commits (then sees the duplicate) or rolls back (then inserts itself).
     */
    public boolean insertIfNew(String provider, String eventId, String eventType, String payload) {
        return jdbc.sql("""
                        INSERT INTO payment_events (provider, event_id, event_type, outcome, payload)
                        VALUES (:provider, :event, :type, 'received', CAST(:payload AS jsonb))
                        ON CONFLICT (provider, event_id) DO NOTHING
                        """)
                        .param("provider", provider)
                        .param("event", eventId)
                        .param("type", eventType)
                        .param("payload", payload)
                        .update()
                == 1;
    }

    public void settle(String provider, String eventId, UUID purchaseId, String outcome) {
        jdbc.sql("""
                        UPDATE payment_events SET purchase_id = :purchase, outcome = :outcome
                        WHERE provider = :provider AND event_id = :event
                        """)
                .param("provider", provider)
                .param("event", eventId)
                .param("purchase", purchaseId)
                .param("outcome", outcome)
                .update();
    }
}
