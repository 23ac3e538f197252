package com.pilimarket.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.pilimarket.support.IntegrationTest;
import com.pilimarket.support.TestHttp;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With SPRING_MAIL_HOST set, mail goes to that SMTP server (here a real one in-process), with retries. */
@IntegrationTest
class MailDeliveryIntegrationTests {

    static final int PORT = freePort();
    static GreenMail smtp;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> PORT);
    }

    @AfterAll
    static void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Autowired
    Outbox outbox;

    @Autowired
    TestHttp http;

    @Autowired
    JdbcClient jdbc;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String address() {
        return "d" + UUID.randomUUID().toString().substring(0, 8) + "@example.ph";
    }

    String status(String to) {
        return jdbc.sql("SELECT status FROM mail_outbox WHERE recipient = :to")
                .param("to", to)
                .query(String.class)
                .single();
    }

    @Test
    void mail_waits_in_the_outbox_while_the_server_is_down_and_is_sent_when_it_is_back() throws Exception {
        String to = address();
        MailBody body = MailBody.builder()
                .heading("Hello <b>there</b>")
                .paragraph("Line & more")
                .button("Open", "http://localhost:8080/x?a=1&b=2")
                .build();
        outbox.enqueue(Mail.of("test", to, "Subject\r\nBcc: evil@example.ph", body)
                .withUnsubscribe("http://localhost:8080/api/v1/email/unsubscribe?token=abc"));

        // Nobody listens on the port yet: the attempt fails and is retried later.
        outbox.sendDue();
        assertThat(status(to)).isEqualTo("pending");
        assertThat(jdbc.sql("SELECT attempts FROM mail_outbox WHERE recipient = :to")
                        .param("to", to)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT next_attempt_at > now() FROM mail_outbox WHERE recipient = :to")
                        .param("to", to)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        outbox.sendDue();
        assertThat(smtp.getReceivedMessages()).isEmpty(); // not due again yet

        jdbc.sql("UPDATE mail_outbox SET next_attempt_at = now() WHERE recipient = :to")
                .param("to", to)
                .update();
        outbox.sendDue();

        assertThat(status(to)).isEqualTo("sent");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Subject Bcc: evil@example.ph");
        assertThat(message.getAllRecipients()).hasSize(1);
        assertThat(message.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://localhost:8080/api/v1/email/unsubscribe?token=abc>");
        assertThat(message.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String raw = new String(message.getRawInputStream().readAllBytes());
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message))
                .contains("text/plain")
                .contains("text/html");
        assertThat(raw).isNotEmpty();

        // Sent mail is not sent again.
        outbox.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void the_html_body_escapes_every_text() {
        MailBody body = MailBody.builder()
                .heading("<script>alert(1)</script>")
                .button("Go", "https://pilimarket.ph/a?b=1&c=\"2\"")
                .build();

        assertThat(body.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(body.html()).contains("href=\"https://pilimarket.ph/a?b=1&amp;c=&quot;2&quot;\"");
        assertThat(body.text()).contains("<script>alert(1)</script>");
    }

    @Test
    void the_dev_mail_api_is_not_found_when_a_real_server_is_configured() {
        var answer = http.get("/api/v1/dev/mail").send();
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("NOT_FOUND");
    }
}
