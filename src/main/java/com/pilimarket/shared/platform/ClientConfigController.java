package com.pilimarket.shared.platform;

import com.pilimarket.shared.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Settings the web app needs at start that only the server knows. The Sentry DSN is public by design
 * (it only lets a client send events); null when error tracking is off, and then the app loads no SDK.
 */
@RestController
@Tag(name = "Platform")
class ClientConfigController {

    /** What the web app is told about this deployment. */
    record ClientConfig(
            @Nullable String sentryDsn, @Nullable String sentryEnvironment) {}

    private final ClientConfig config;

    ClientConfigController(
            @Value("${sentry.dsn:}") String sentryDsn, @Value("${sentry.environment:production}") String environment) {
        this.config =
                sentryDsn.isBlank() ? new ClientConfig(null, null) : new ClientConfig(sentryDsn.strip(), environment);
    }

    @GetMapping("/api/v1/client-config")
    @Operation(summary = "Settings for the web app: the Sentry DSN (null when error tracking is off)")
    ApiResponse<ClientConfig> clientConfig() {
        return ApiResponse.ok(config);
    }
}
