package com.pilimarket.shared.web;

import com.pilimarket.shared.security.SignedIn;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Completes each operation of the OpenAPI document from what the code declares, so that it cannot
 * drift from it: who may call it ({@link SignedIn}, {@code @PreAuthorize}, or anyone), its security
 * (bearer token, or the session cookie plus the CSRF header on unsafe methods), and the error answers
 * every operation of its kind can give, each with the error envelope. Answers particular to one
 * operation (409, 422, …) are declared on it with {@code @ApiResponse} and get the envelope here.
 */
class ApiDocumentCustomizer implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String SESSION_COOKIE = "session_cookie";
    static final String CSRF_HEADER = "csrf_header";
    static final String ERROR_RESPONSE = "ErrorResponse";

    private static final String ACCESS = "x-pilimarket-access";
    private static final String PUBLIC = "public";
    private static final String SIGNED_IN = "signed-in";
    private static final Pattern ROLE = Pattern.compile("hasRole\\('([A-Z]+)'\\)");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    /** Remembers who may call the operation; {@link #customise} turns it into security and answers. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        PreAuthorize role = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (role == null) {
            role = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        String access = PUBLIC;
        if (role != null) {
            Matcher m = ROLE.matcher(role.value());
            access = m.find() ? "role:" + m.group(1) : SIGNED_IN;
        } else if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SignedIn.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), SignedIn.class)) {
            access = SIGNED_IN;
        }
        operation.addExtension(ACCESS, access);
        for (ErrorAnswer answer :
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), ErrorAnswer.class)) {
            String status = Integer.toString(answer.status());
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            ApiResponse existing = operation.getResponses().get(status);
            operation
                    .getResponses()
                    .addApiResponse(
                            status,
                            new ApiResponse()
                                    .description(
                                            existing == null
                                                    ? answer.value()
                                                    : existing.getDescription() + "; " + answer.value()));
        }
        return operation;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(ERROR_RESPONSE, errorEnvelope());
        openApi.getPaths()
                .forEach((path, item) ->
                        item.readOperationsMap().forEach((method, operation) -> complete(path, method, operation)));
        relaxRequestOnlySchemas(openApi);
        // Stable order, so the committed snapshot diffs cleanly.
        openApi.getComponents().setSchemas(new TreeMap<>(openApi.getComponents().getSchemas()));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        Object declared = operation.getExtensions() == null
                ? null
                : operation.getExtensions().remove(ACCESS);
        if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
        String access = declared == null ? PUBLIC : declared.toString();
        boolean api = path.startsWith("/api/");
        boolean credentialsIgnored = !api || path.startsWith("/api/v1/auth/");
        boolean unsafe = !SAFE_METHODS.contains(method.name());
        if (path.startsWith("/api/v1/admin/") && access.equals(PUBLIC)) {
            access = "role:MODERATOR"; // the filter chain guards all of /admin
        }
        boolean signedIn = !access.equals(PUBLIC);

        if (credentialsIgnored) {
            operation.setSecurity(List.of());
        } else {
            SecurityRequirement bearer = new SecurityRequirement().addList(BEARER);
            SecurityRequirement cookie = new SecurityRequirement().addList(SESSION_COOKIE);
            if (unsafe) {
                cookie.addList(CSRF_HEADER);
            }
            operation.setSecurity(
                    signedIn ? List.of(bearer, cookie) : List.of(new SecurityRequirement(), bearer, cookie));
        }

        ApiResponses responses = operation.getResponses();
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (hasInput) {
            addIfAbsent(
                    responses, "400", "VALIDATION_FAILED (one error per bad field, `field` set) or MALFORMED_REQUEST");
        }
        if (!credentialsIgnored) {
            addIfAbsent(
                    responses,
                    "401",
                    signedIn
                            ? "UNAUTHENTICATED: sign in first (no credentials, or expired or invalid ones)"
                            : "UNAUTHENTICATED: credentials were sent but are expired or invalid");
            String forbidden = "ACCOUNT_BANNED"
                    + (unsafe
                            ? "; ACCOUNT_SUSPENDED (a suspended account only reads); CSRF_FAILED (cookie session without the X-XSRF-TOKEN header)"
                            : "");
            if (access.startsWith("role:")) {
                forbidden =
                        "FORBIDDEN: needs the " + access.substring(5).toLowerCase() + " role or higher; " + forbidden;
            }
            addIfAbsent(responses, "403", forbidden);
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "NOT_FOUND");
        }
        if (api) {
            ApiResponse limited = addIfAbsent(responses, "429", "RATE_LIMITED: wait for Retry-After seconds");
            limited.addHeaderObject(
                    "Retry-After",
                    new Header().description("Seconds until the limit resets").schema(new Schema<>().type("integer")));
        }
        responses.forEach((status, response) -> {
            if (status.startsWith("4") && response.getContent() == null) {
                response.setContent(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref(ERROR_RESPONSE))));
            }
        });
        operation.setResponses(sorted(responses));
    }

    private static ApiResponse addIfAbsent(ApiResponses responses, String status, String description) {
        return responses.computeIfAbsent(status, s -> new ApiResponse().description(description));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        return ordered;
    }

    /** {@code {"success": false, "data": null, "errors": [{code, field, message}, …]}}. */
    private static Schema<?> errorEnvelope() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        Schema<Object> failure = new Schema<>().type("boolean");
        failure.addEnumItemObject(false);
        properties.put("success", failure);
        properties.put("data", ExactModelResolver.nullSchema());
        properties.put("errors", new Schema<>().type("array").minItems(1).items(new Schema<>().$ref("ApiError")));
        return new Schema<>()
                .type("object")
                .description("The envelope of every error answer; codes and statuses in docs/API-CONVENTIONS.md")
                .properties(properties)
                .required(List.of("success", "data", "errors"));
    }

    /**
     * A request body may leave out a nullable field (it reads as null), so in schemas that only
     * requests use, nullable fields are optional. Responses always carry every field.
     */
    private static void relaxRequestOnlySchemas(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> inRequests = new HashSet<>();
        Set<String> inResponses = new HashSet<>();
        openApi.getPaths()
                .values()
                .forEach(item -> item.readOperations().forEach(op -> {
                    if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                        op.getRequestBody()
                                .getContent()
                                .values()
                                .forEach(m -> reach(m.getSchema(), schemas, inRequests));
                    }
                    op.getResponses().values().forEach(r -> {
                        if (r.getContent() != null) {
                            r.getContent().values().forEach(m -> reach(m.getSchema(), schemas, inResponses));
                        }
                    });
                }));
        inRequests.removeAll(inResponses);
        for (String name : inRequests) {
            Schema<?> schema = schemas.get(name);
            if (schema.getRequired() != null && schema.getProperties() != null) {
                schema.getRequired()
                        .removeIf(p -> admitsNull(schema.getProperties().get(p)));
                if (schema.getRequired().isEmpty()) {
                    schema.setRequired(null);
                }
            }
        }
    }

    private static boolean admitsNull(Schema<?> property) {
        if (property == null) {
            return false;
        }
        if (property.getTypes() != null && property.getTypes().contains("null")) {
            return true;
        }
        return property.getAnyOf() != null && property.getAnyOf().stream().anyMatch(ApiDocumentCustomizer::admitsNull);
    }

    /** Adds the names of every component schema reachable from {@code schema}. */
    private static void reach(Schema<?> schema, Map<String, Schema> schemas, Set<String> found) {
        Deque<Schema<?>> todo = new ArrayDeque<>();
        if (schema != null) {
            todo.push(schema);
        }
        while (!todo.isEmpty()) {
            Schema<?> s = todo.pop();
            if (s.get$ref() != null) {
                String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
                if (found.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(todo::push);
            }
            if (s.getItems() != null) {
                todo.push(s.getItems());
            }
            if (s.getAdditionalProperties() instanceof Schema<?> values) {
                todo.push(values);
            }
            for (List<Schema> group : java.util.Arrays.asList(s.getAnyOf(), s.getOneOf(), s.getAllOf())) {
                if (group != null) {
                    group.forEach(todo::push);
                }
            }
        }
    }
}
