package com.pilimarket.shared.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}, from which the web app's types are generated: so it
 * must be exact. Its schemas use the wire format's snake_case names (swagger-core inspects models
 * with its own Jackson, which must be told), say which fields are required and which may be null
 * ({@link ExactModelResolver}), and every operation lists its security and error answers
 * ({@link ApiDocumentCustomizer}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Enums become named schemas (MarketStatus, …) that the generated types can name too.
        ModelResolver.enumsAsRef = true;
    }

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ExactModelResolver(
                Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    ApiDocumentCustomizer apiDocumentCustomizer() {
        return new ApiDocumentCustomizer();
    }

    @Bean
    OpenAPI pilimarketOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Pilimarket API")
                        .version("v1")
                        .description("Play-money prediction market for the Philippines. Envelope, errors and "
                                + "conventions: docs/API-CONVENTIONS.md."))
                // The same origin that serves the document; a fixed value keeps the snapshot stable.
                .servers(List.of(new Server().url("/").description("The server that serves this document")))
                .components(new Components()
                        .addSecuritySchemes(
                                ApiDocumentCustomizer.BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("`Authorization: Bearer <access_token>` from login, "
                                                + "register or refresh (15 minutes)"))
                        .addSecuritySchemes(
                                ApiDocumentCustomizer.SESSION_COOKIE,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("access_token")
                                        .description("The HttpOnly `access_token` cookie that login, register and "
                                                + "refresh set (browsers)"))
                        .addSecuritySchemes(
                                ApiDocumentCustomizer.CSRF_HEADER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-XSRF-TOKEN")
                                        .description("With the session cookie, every unsafe request (auth ones "
                                                + "included) echoes the `XSRF-TOKEN` cookie (GET /auth/csrf sets "
                                                + "it) in this header; bearer clients need none")));
    }
}
