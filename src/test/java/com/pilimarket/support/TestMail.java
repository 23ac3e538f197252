package com.pilimarket.support;

import com.pilimarket.mail.Outbox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Mail as a user receives it: sends the outbox to the app's development mail server (a real SMTP
 * server in-process) and reads it back through {@code GET /api/v1/dev/mail}.
 */
@Component
public class TestMail {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_\\-%]+)");

    private final Outbox outbox;
    private final TestHttp http;

    public TestMail(Outbox outbox, TestHttp http) {
        this.outbox = outbox;
        this.http = http;
    }

    /** The mails received for {@code to}, newest first, after sending what is due. */
    public JsonNode inbox(String to) {
        outbox.sendDue();
        return http.get("/api/v1/dev/mail?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8))
                .send()
                .data();
    }

    /** The newest mail for {@code to} whose subject contains {@code subject}; fails when there is none. */
    public JsonNode latest(String to, String subject) {
        for (JsonNode mail : inbox(to)) {
            if (mail.get("subject").asString().contains(subject)) {
                return mail;
            }
        }
        throw new AssertionError("no mail to " + to + " about '" + subject + "'");
    }

    /** The token of the first link in the mail's plain-text body. */
    public static String token(JsonNode mail) {
        Matcher m = TOKEN.matcher(mail.get("text").asString());
        if (!m.find()) {
            throw new AssertionError(
                    "no link with a token in: " + mail.get("text").asString());
        }
        return java.net.URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
    }
}
