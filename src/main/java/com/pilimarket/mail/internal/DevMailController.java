package com.pilimarket.mail.internal;

import com.pilimarket.mail.CapturedMail;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The development mail server's inbox, for the dev mail page and the end-to-end journeys. 404 when
 * the server does not run (always in production).
 */
@RestController
@RequestMapping("/api/v1/dev/mail")
@Tag(name = "Development")
class DevMailController {

    private static final int LIMIT = 100;

    private final DevMailServer server;

    DevMailController(DevMailServer server) {
        this.server = server;
    }

    /** The answer of DELETE /dev/mail. */
    record Cleared(boolean cleared) {}

    @GetMapping
    @Operation(summary = "Mail the development mail server received, newest first (to= filters by recipient)")
    ApiResponse<List<CapturedMail>> listCapturedMail(@RequestParam(required = false) @Nullable String to) {
        requireRunning();
        String recipient = to == null || to.isBlank() ? null : to.strip().toLowerCase(Locale.ROOT);
        List<MimeMessage> received = new ArrayList<>(server.received());
        List<CapturedMail> mails = new ArrayList<>();
        for (int i = received.size() - 1; i >= 0 && mails.size() < LIMIT; i--) {
            CapturedMail mail = captured(i, received.get(i));
            if (recipient == null || mail.to().contains(recipient)) {
                mails.add(mail);
            }
        }
        return ApiResponse.ok(mails);
    }

    @DeleteMapping
    @Operation(summary = "Empties the development mail server's inbox")
    ApiResponse<Cleared> clearCapturedMail() {
        requireRunning();
        server.clear();
        return ApiResponse.ok(new Cleared(true));
    }

    private void requireRunning() {
        if (!server.running()) {
            throw ApiException.notFound("Development mail server");
        }
    }

    private static CapturedMail captured(int index, MimeMessage message) {
        try {
            List<String> to = message.getRecipients(Message.RecipientType.TO) == null
                    ? List.of()
                    : Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                            .map(a -> a instanceof InternetAddress ia ? ia.getAddress() : a.toString())
                            .map(a -> a.toLowerCase(Locale.ROOT))
                            .toList();
            String from =
                    message.getFrom() == null || message.getFrom().length == 0 ? "" : message.getFrom()[0].toString();
            Bodies bodies = new Bodies();
            collect(message, bodies);
            OffsetDateTime at = message.getSentDate() == null
                    ? OffsetDateTime.now(ZoneOffset.UTC)
                    : message.getSentDate().toInstant().atOffset(ZoneOffset.UTC);
            return new CapturedMail(
                    message.getMessageID() == null ? String.valueOf(index) : message.getMessageID(),
                    to,
                    from,
                    message.getSubject() == null ? "" : message.getSubject(),
                    bodies.text == null ? "" : bodies.text,
                    bodies.html == null ? "" : bodies.html,
                    message.getHeader("List-Unsubscribe", ","),
                    message.getHeader("List-Unsubscribe-Post", ","),
                    at);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not read a captured mail: " + e.getMessage(), e);
        }
    }

    private static final class Bodies {
        String text;
        String html;
    }

    private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && bodies.text == null) {
            bodies.text = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && bodies.html == null) {
            bodies.html = String.valueOf(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, bodies);
            }
        }
    }
}
