package com.pilimarket.mail.internal;

import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Where mail goes: the SMTP server of {@code spring.mail.*} when a host is set (Spring Boot's
 * sender), else the development mail server when it runs, else nowhere: mail then waits in the
 * outbox until a server is configured.
 */
@Component
class MailTransport {

    private static final Logger log = LoggerFactory.getLogger(MailTransport.class);

    private final Optional<JavaMailSender> sender;

    MailTransport(ObjectProvider<JavaMailSender> configured, DevMailServer devServer) {
        JavaMailSender smtp = configured.getIfAvailable();
        if (smtp != null) {
            this.sender = Optional.of(smtp);
        } else if (devServer.running()) {
            JavaMailSenderImpl dev = new JavaMailSenderImpl();
            dev.setHost("127.0.0.1");
            dev.setPort(devServer.port().orElseThrow());
            dev.setDefaultEncoding("UTF-8");
            Properties props = new Properties();
            props.put("mail.smtp.connectiontimeout", "5000");
            props.put("mail.smtp.timeout", "10000");
            props.put("mail.smtp.writetimeout", "10000");
            dev.setJavaMailProperties(props);
            this.sender = Optional.of(dev);
        } else {
            this.sender = Optional.empty();
            log.warn("No mail server: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, "
                    + "SPRING_MAIL_PASSWORD); until then mail waits in the outbox");
        }
    }

    Optional<JavaMailSender> sender() {
        return sender;
    }
}
