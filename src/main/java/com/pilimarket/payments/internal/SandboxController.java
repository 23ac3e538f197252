package com.pilimarket.payments.internal;

import com.pilimarket.shared.Chips;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The sandbox gateway (development and tests only): a checkout page whose Pay and Fail buttons make
 * the app receive the provider's signed event through the production webhook path. Absent (404)
 * when the sandbox is off.
 */
@Hidden
@RestController
class SandboxController {

    private final PaymentMode mode;
    private final PurchaseRecords purchases;
    private final SandboxEvents sandbox;
    private final PaymentEventProcessor processor;

    SandboxController(
            PaymentMode mode, PurchaseRecords purchases, SandboxEvents sandbox, PaymentEventProcessor processor) {
        this.mode = mode;
        this.purchases = purchases;
        this.sandbox = sandbox;
        this.processor = processor;
    }

    @GetMapping("/sandbox/checkout/{id}")
    ResponseEntity<String> page(@PathVariable String id) {
        Purchase purchase = purchase(id);
        if (purchase == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_HTML)
                    .body(html("Not found", "<p>No such sandbox checkout.</p>"));
        }
        String provider = HtmlUtils.htmlEscape(purchase.provider().displayName());
        String status = HtmlUtils.htmlEscape(purchase.status().value());
        String action = "/sandbox/checkout/" + purchase.id();
        String body = """
                <p class="tag">Sandbox · no real money moves</p>
                <h1>Pay %s</h1>
                <p class="amount">%s</p>
                <p>%s · %s</p>
                <p class="status">Purchase status: <strong>%s</strong></p>
                <form method="post" action="%s/pay"><button class="pay" type="submit">Pay</button></form>
                <form method="post" action="%s/fail"><button class="fail" type="submit">Fail</button></form>
                """.formatted(
                        provider,
                        Chips.peso(purchase.amountCents() / 100),
                        Chips.describe(purchase.chips()),
                        provider,
                        status,
                        action,
                        action);
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .header("Cache-Control", "no-store")
                .body(html("Sandbox checkout", body));
    }

    @PostMapping("/sandbox/checkout/{id}/pay")
    ResponseEntity<String> pay(@PathVariable String id) {
        return deliver(id, true);
    }

    @PostMapping("/sandbox/checkout/{id}/fail")
    ResponseEntity<String> fail(@PathVariable String id) {
        return deliver(id, false);
    }

    private ResponseEntity<String> deliver(String id, boolean paid) {
        Purchase purchase = purchase(id);
        if (purchase == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.TEXT_HTML)
                    .body(html("Not found", "<p>No such sandbox checkout.</p>"));
        }
        if (purchase.providerTxId() == null) {
            // Its checkout was never started (the creating request failed half-way): nothing to pay yet.
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.TEXT_HTML)
                    .body(html("Not started", "<p>This checkout was not started; create the purchase again.</p>"));
        }
        if (purchase.provider().viaPayMongo()) {
            SandboxEvents.Signed event = sandbox.paymongo(purchase, paid);
            processor.handlePayMongo(event.payload(), event.signatureHeader());
        } else {
            SandboxEvents.Signed event = sandbox.stripe(purchase, paid);
            processor.handleStripe(event.payload(), event.signatureHeader());
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER)
                .location(URI.create("/wallet/return?purchase=" + purchase.id()))
                .build();
    }

    private Purchase purchase(String id) {
        if (!mode.sandbox()) {
            return null;
        }
        UUID purchaseId = ProviderEvent.uuidOrNull(id);
        return purchaseId == null ? null : purchases.find(purchaseId).orElse(null);
    }

    private static String html(String title, String body) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Pilimarket sandbox</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem;color:#111}
                .tag{display:inline-block;background:#fde68a;padding:.2rem .6rem;border-radius:1rem;font-size:.8rem}
                .amount{font-size:2.5rem;font-weight:700;margin:.5rem 0}
                form{display:inline}
                button{font-size:1.1rem;padding:.7rem 1.6rem;border:0;border-radius:.5rem;margin:.5rem .5rem 0 0;cursor:pointer}
                .pay{background:#16a34a;color:#fff}.fail{background:#dc2626;color:#fff}
                @media (prefers-color-scheme:dark){body{background:#111;color:#eee}}
                </style></head><body>%s</body></html>
                """.formatted(HtmlUtils.htmlEscape(title), body);
    }
}
