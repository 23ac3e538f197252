package com.pilimarket.mail.internal;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development mail server: a real SMTP server (GreenMail) on 127.0.0.1 that keeps every mail it
 * receives in memory, for the dev mail page. Never started in the {@code prod} profile.
 */
public class DevMailServer {

    private static final Logger log = LoggerFactory.getLogger(DevMailServer.class);

    private final GreenMail greenMail;

    private DevMailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static DevMailServer off() {
        return new DevMailServer(null);
    }

    /** Starts on {@code port} (0: a free port). */
    static DevMailServer start(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            setup = setup.dynamicPort();
        }
        GreenMail server = new GreenMail(setup);
        server.start();
        log.warn(
                "No SPRING_MAIL_HOST: mail goes to the development mail server on 127.0.0.1:{}; read it at /dev/mail",
                server.getSmtp().getPort());
        return new DevMailServer(server);
    }

    public boolean running() {
        return greenMail != null;
    }

    /** The SMTP port; empty when the server is off. */
    Optional<Integer> port() {
        return running() ? Optional.of(greenMail.getSmtp().getPort()) : Optional.empty();
    }

    /** Every mail received since the start (or the last {@link #clear()}), oldest first. */
    public List<MimeMessage> received() {
        return running() ? List.of(greenMail.getReceivedMessages()) : List.of();
    }

    /** Deletes the received mail; the server keeps running on its port (reset() would restart it on a new one). */
    public void clear() {
        if (running()) {
            try {
                greenMail.purgeEmailFromAllMailboxes();
            } catch (FolderException e) {
                throw new IllegalStateException("Could not empty the development mail server", e);
            }
        }
    }

    void stop() {
        if (running()) {
            greenMail.stop();
        }
    }
}
