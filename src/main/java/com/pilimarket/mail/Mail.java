package com.pilimarket.mail;

import org.jspecify.annotations.Nullable;

/**
 * One email to send: its HTML and plain-text bodies are already in the reader's language (see
 * {@link MailBody}). {@code kind} names what it is for ({@code verify_email}, {@code digest} …) in
 * logs and the outbox; {@code unsubscribeUrl}, when given, becomes the {@code List-Unsubscribe}
 * header with one-click {@code List-Unsubscribe-Post} (RFC 8058).
 */
public record Mail(
        String kind,
        String to,
        String subject,
        MailBody body,
        @Nullable String unsubscribeUrl) {

    public Mail {
        if (kind == null || kind.isBlank() || to == null || to.isBlank() || subject == null || body == null) {
            throw new IllegalArgumentException("a mail needs a kind, a recipient, a subject and a body");
        }
        // A header value: no line breaks, whatever a caller passed in.
        subject = subject.replaceAll("[\\r\\n]+", " ").strip();
    }

    public static Mail of(String kind, String to, String subject, MailBody body) {
        return new Mail(kind, to, subject, body, null);
    }

    public Mail withUnsubscribe(String url) {
        return new Mail(kind, to, subject, body, url);
    }
}
