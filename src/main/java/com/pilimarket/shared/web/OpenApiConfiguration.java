package com.pilimarket.shared.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}. Its schemas use the same snake_case field names as
 * the wire format (swagger-core inspects models with its own Jackson, which must be told).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }

    @Bean
    OpenAPI pilimarketOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Pilimarket API")
                        .version("v1")
                        .description("Play-money prediction market for the Philippines. Envelope, errors and "
                                + "conventions: docs/API-CONVENTIONS.md."));
    }
}
