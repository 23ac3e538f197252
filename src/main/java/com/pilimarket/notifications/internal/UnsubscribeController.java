package com.pilimarket.notifications.internal;

import com.pilimarket.mail.SignedLinks;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.web.ErrorAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-click unsubscribe (RFC 8058): mail clients POST {@code List-Unsubscribe=One-Click} to the URL
 * of the {@code List-Unsubscribe} header; the app's unsubscribe page posts here too. The signed token
 * is the only credential, so no login and no CSRF cookie are needed, and a GET changes nothing.
 */
@RestController
@Tag(name = "Notifications")
class UnsubscribeController {

    private final SignedLinks links;
    private final NotificationRecords records;

    UnsubscribeController(SignedLinks links, NotificationRecords records) {
        this.links = links;
        this.records = records;
    }

    /** The answer of an unsubscribe: no more notification emails (email_frequency is off). */
    record Unsubscribed(boolean unsubscribed) {}

    @ErrorAnswer(status = 400, value = "LINK_INVALID: the token is missing, forged or for another purpose")
    @PostMapping("/api/v1/email/unsubscribe")
    @Operation(summary = "Stops notification emails for the account of a signed unsubscribe token (one click)")
    ApiResponse<Unsubscribed> unsubscribe(@RequestParam(required = false) @Nullable String token) {
        UUID userId = links.verify(NotificationEmails.UNSUBSCRIBE, token)
                .orElseThrow(() -> new ApiException(
                        HttpStatus.BAD_REQUEST, "LINK_INVALID", "This link is not valid: ask for a new one"));
        records.turnOffEmail(userId);
        return ApiResponse.ok(new Unsubscribed(true));
    }
}
