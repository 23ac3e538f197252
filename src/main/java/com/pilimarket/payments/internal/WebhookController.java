package com.pilimarket.payments.internal;

import com.pilimarket.shared.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Provider webhooks. The body is taken as the raw string: signatures cover the exact bytes sent. */
@RestController
@Tag(name = "Payment webhooks", description = "Signed provider events; not for clients")
class WebhookController {

    private final PaymentEventProcessor processor;

    /** The acknowledgement a provider gets: its event's id and what it did. */
    record Received(boolean received, String eventId, String outcome) {}

    WebhookController(PaymentEventProcessor processor) {
        this.processor = processor;
    }

    @PostMapping("/webhooks/stripe")
    @Operation(summary = "Stripe events (Stripe-Signature verified; bad signature → 400 INVALID_SIGNATURE)")
    ApiResponse<Received> stripe(
            @RequestBody(required = false) String payload,
            @RequestHeader(value = "Stripe-Signature", required = false) String signature) {
        return answer(processor.handleStripe(payload == null ? "" : payload, signature));
    }

    @PostMapping("/webhooks/paymongo")
    @Operation(summary = "PayMongo events (Paymongo-Signature verified; bad signature → 400 INVALID_SIGNATURE)")
    ApiResponse<Received> paymongo(
            @RequestBody(required = false) String payload,
            @RequestHeader(value = "Paymongo-Signature", required = false) String signature) {
        return answer(processor.handlePayMongo(payload == null ? "" : payload, signature));
    }

    private static ApiResponse<Received> answer(PaymentEventProcessor.Result result) {
        return ApiResponse.ok(new Received(true, result.eventId(), result.outcome()));
    }
}
