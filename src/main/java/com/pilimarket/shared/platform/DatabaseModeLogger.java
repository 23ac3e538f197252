package com.pilimarket.shared.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in the log which external database the app uses (the embedded one logs itself). */
@Component
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class DatabaseModeLogger {

    private static final Logger log = LoggerFactory.getLogger(DatabaseModeLogger.class);

    private final String url;

    DatabaseModeLogger(@Value("${spring.datasource.url}") String url) {
        this.url = url;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("Database: external PostgreSQL at {}", url.replaceAll("password=[^&]*", "password=***"));
    }
}
