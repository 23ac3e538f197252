package com.pilimarket.mail;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A mail the development mail server received ({@code GET /dev/mail}). */
public record CapturedMail(
        String id,
        List<String> to,
        String from,
        String subject,
        String text,
        String html,
        @Nullable String listUnsubscribe,
        @Nullable String listUnsubscribePost,
        OffsetDateTime receivedAt) {}
