package com.pilimarket.payments.internal;

import com.pilimarket.ledger.Account;
import com.pilimarket.ledger.InsufficientChipsException;
import com.pilimarket.ledger.Ledger;
import com.pilimarket.ledger.Transfer;
import com.pilimarket.payments.ChipsPurchased;
import com.pilimarket.payments.PaymentProvider;
import com.pilimarket.payments.PurchaseFlagged;
import com.pilimarket.payments.PurchaseReversed;
import com.pilimarket.payments.PurchaseStatus;
import com.pilimarket.payments.internal.ProviderEvent.Kind;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one path every provider event takes, from the real webhooks and from the sandbox alike: verify
 * the signature, then in ONE database transaction record the event (a copy is a no-op), lock the
 * purchase row, apply the purchase rules and move chips through the ledger.
 */
@Service
public class PaymentEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventProcessor.class);
    private static final int ATTEMPTS = 3;

    private final StripeEvents stripe;
    private final PayMongoEvents paymongo;
    private final PaymentEventRecords events;
    private final PurchaseRecords purchases;
    private final Ledger ledger;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentEventProcessor(
            StripeEvents stripe,
            PayMongoEvents paymongo,
            PaymentEventRecords events,
            PurchaseRecords purchases,
            Ledger ledger,
            ApplicationEventPublisher publisher,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry meters) {
        this.stripe = stripe;
        this.paymongo = paymongo;
        this.events = events;
        this.purchases = purchases;
        this.ledger = ledger;
        this.publisher = publisher;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** What happened to one delivered event. */
    public record Result(String eventId, String outcome) {}

    /** {@code POST /webhooks/stripe}: the raw body exactly as received and the {@code Stripe-Signature} header. */
    public Result handleStripe(String payload, String signatureHeader) {
        return counted("stripe", () -> process(stripe.verify(payload, signatureHeader), payload));
    }

    /** {@code POST /webhooks/paymongo}: the raw body exactly as received and the {@code Paymongo-Signature} header. */
    public Result handlePayMongo(String payload, String signatureHeader) {
        return counted("paymongo", () -> process(paymongo.verify(payload, signatureHeader), payload));
    }

    /** Counts every delivery by provider and outcome ({@code pilimarket.webhooks}); signature failures are alerts. */
    private Result counted(String provider, java.util.function.Supplier<Result> delivery) {
        String outcome = "error";
        try {
            Result result = delivery.get();
            outcome = result.outcome();
            return result;
        } catch (InvalidSignatureException e) {
            outcome = "invalid_signature";
            throw e;
        } finally {
            meters.counter("pilimarket.webhooks", "provider", provider, "outcome", outcome)
                    .increment();
        }
    }

    private Result process(ProviderEvent event, String payload) {
        for (int attempt = 1; ; attempt++) {
            try {
                String outcome = transactions.execute(status -> apply(event, payload));
                return new Result(event.eventId(), outcome);
            } catch (InsufficientChipsException e) {
                // The buyer spent chips between our balance read and the reversal debit: read again.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private String apply(ProviderEvent event, String payload) {
        if (!events.insertIfNew(event.provider(), event.eventId(), event.type(), payload)) {
            log.info("{} event {} ({}) was processed before: ignored", event.provider(), event.eventId(), event.type());
            return "duplicate";
        }
        if (event.kind() == Kind.IGNORED) {
            log.info(
                    "{} event {} of type {} is not handled: acknowledged",
                    event.provider(),
                    event.eventId(),
                    event.type());
            events.settle(event.provider(), event.eventId(), null, "ignored");
            return "ignored";
        }
        Optional<UUID> purchaseId = findPurchase(event);
        if (purchaseId.isEmpty()) {
            log.warn(
                    "{} event {} ({}) matches no purchase; references {}",
                    event.provider(),
                    event.eventId(),
                    event.type(),
                    event.references());
            events.settle(event.provider(), event.eventId(), null, "unknown_purchase");
            return "unknown_purchase";
        }
        Purchase purchase = purchases.lock(purchaseId.get()).orElseThrow();
        String outcome = switch (event.kind()) {
            case PAID -> paid(purchase, event);
            case FAILED -> failed(purchase, event);
            case REFUNDED -> reversed(purchase, PurchaseStatus.REFUNDED);
            case DISPUTED -> reversed(purchase, PurchaseStatus.DISPUTED);
            case IGNORED -> "ignored";
        };
        events.settle(event.provider(), event.eventId(), purchase.id(), outcome);
        log.info(
                "{} event {} ({}) on purchase {} ({}): {}",
                event.provider(),
                event.eventId(),
                event.type(),
                purchase.id(),
                purchase.status().value(),
                outcome);
        return outcome;
    }

    private String paid(Purchase purchase, ProviderEvent event) {
        return switch (purchase.onPaid(event.amountCents(), event.currency())) {
            case CREDIT -> {
                Instant now = clock.instant();
                ledger.post(Transfer.move(
                        purchase.creditReference(),
                        "chip purchase",
                        Account.MINT,
                        Account.user(purchase.userId()),
                        purchase.chips()));
                purchases.markCompleted(purchase.id(), event.paymentId(), now);
                publisher.publishEvent(new ChipsPurchased(
                        purchase.userId(),
                        purchase.id(),
                        purchase.chips(),
                        purchase.amountCents(),
                        purchase.provider(),
                        now));
                yield "credited";
            }
            case ALREADY_CREDITED -> "already_credited";
            case ALREADY_REVERSED -> {
                log.warn(
                        "Purchase {} was paid after it had been {}: nothing credited",
                        purchase.id(),
                        purchase.status().value());
                yield "paid_after_reversal";
            }
            case AMOUNT_MISMATCH -> {
                log.warn(
                        "Purchase {} expects {} {} but event {} reports {} {}: not credited, flagged",
                        purchase.id(),
                        purchase.amountCents(),
                        purchase.currency(),
                        event.eventId(),
                        event.amountCents(),
                        event.currency());
                purchases.flag(purchase.id(), "amount_mismatch");
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("event_id", event.eventId());
                evidence.put("expected_cents", purchase.amountCents());
                evidence.put("expected_currency", purchase.currency());
                evidence.put("paid_cents", event.amountCents());
                evidence.put("paid_currency", event.currency());
                publisher.publishEvent(
                        new PurchaseFlagged(purchase.userId(), purchase.id(), "amount_mismatch", evidence));
                yield "amount_mismatch";
            }
        };
    }

    private String failed(Purchase purchase, ProviderEvent event) {
        return switch (purchase.onFailed()) {
            case FAIL -> {
                purchases.markFailed(
                        purchase.id(), event.failureReason() == null ? "payment failed" : event.failureReason());
                yield "failed";
            }
            case NO_CHANGE -> "no_change";
        };
    }

    private String reversed(Purchase purchase, PurchaseStatus status) {
        return switch (purchase.onReversal()) {
            case REVERSE_CREDIT -> {
                long balance = ledger.balanceOf(Account.user(purchase.userId()));
                Purchase.Reversal reversal = purchase.reversal(balance);
                if (reversal.chipsDebited() > 0) {
                    ledger.post(Transfer.move(
                            purchase.reversalReference(),
                            status == PurchaseStatus.REFUNDED ? "chip purchase refunded" : "chip purchase disputed",
                            Account.user(purchase.userId()),
                            Account.MINT,
                            reversal.chipsDebited()));
                }
                purchases.markReversed(purchase.id(), status, reversal.chipsDebited(), reversal.debt());
                publisher.publishEvent(new PurchaseReversed(
                        purchase.userId(), purchase.id(), reversal.chipsDebited(), reversal.debt(), status));
                if (reversal.debt() > 0) {
                    log.warn(
                            "Purchase {} {}: {} chips taken back, {} chips recorded as debt",
                            purchase.id(),
                            status.value(),
                            reversal.chipsDebited(),
                            reversal.debt());
                }
                yield "reversed";
            }
            case CLOSE_UNPAID -> {
                purchases.markReversed(purchase.id(), status, 0, 0);
                yield "closed_unpaid";
            }
            case ALREADY_REVERSED -> "no_change";
        };
    }

    private Optional<UUID> findPurchase(ProviderEvent event) {
        List<PaymentProvider> family = StripeEvents.PROVIDER.equals(event.provider())
                ? List.of(PaymentProvider.STRIPE)
                : List.of(PaymentProvider.GCASH, PaymentProvider.PAYMAYA);
        if (event.purchaseId() != null) {
            Optional<Purchase> named = purchases.find(event.purchaseId());
            if (named.isPresent() && family.contains(named.get().provider())) {
                return Optional.of(named.get().id());
            }
            if (named.isPresent()) {
                log.warn(
                        "{} event {} names purchase {} of provider {}: ignored",
                        event.provider(),
                        event.eventId(),
                        event.purchaseId(),
                        named.get().provider().value());
                return Optional.empty();
            }
        }
        return purchases.findIdByProviderReference(family, event.references());
    }
}
