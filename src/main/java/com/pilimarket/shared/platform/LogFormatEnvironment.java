package com.pilimarket.shared.platform;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code PILIMARKET_LOG_FORMAT=json} switches the console to Spring Boot's structured logging in
 * Elastic Common Schema (one JSON object per line, with the MDC's {@code request_id} and
 * {@code user_id}); anything else keeps the human-readable pattern. An explicit
 * {@code logging.structured.format.console} still wins. Runs before the logging system starts.
 */
public class LogFormatEnvironment implements EnvironmentPostProcessor {

    static final String VARIABLE = "PILIMARKET_LOG_FORMAT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(VARIABLE, environment.getProperty("pilimarket.log-format", ""));
        if ("json".equalsIgnoreCase(format.strip())) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource(
                            "pilimarketLogFormat",
                            Map.of(
                                    "logging.structured.format.console", "ecs",
                                    "logging.structured.ecs.service.name", "pilimarket")));
        }
    }
}
