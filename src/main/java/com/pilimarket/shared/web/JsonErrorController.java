package com.pilimarket.shared.web;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.ErrorCodes;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (the servlet container, filters) land on {@code /error}; they
 * get the envelope too, never a Whitelabel page or a stack trace.
 */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // Asked for directly: there is no such page.
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ApiResponse.failure(List.of(
                            ApiError.of(ErrorCodes.NOT_FOUND, messageFor(HttpStatus.NOT_FOUND, request.getMethod())))));
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        // A filter (e.g. the account status check) that lost its database connection is an outage, not a bug.
        if (status == HttpStatus.INTERNAL_SERVER_ERROR
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseFailures.connectionLost(failure)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(ApiResponse.failure(List.of(ApiError.of(
                            ErrorCodes.SERVICE_UNAVAILABLE,
                            messageFor(HttpStatus.SERVICE_UNAVAILABLE, request.getMethod())))));
        }
        return ResponseEntity.status(status)
                .body(ApiResponse.failure(
                        List.of(ApiError.of(codeFor(status), messageFor(status, request.getMethod())))));
    }

    /**
     * The envelope's message for a status the container chose: a sentence of the catalogue
     * ({@code messages.properties}), so that it is translated like every other error, not Tomcat's
     * English reason phrase ("Bad Request").
     */
    static String messageFor(HttpStatus status, String method) {
        return switch (status) {
            case UNAUTHORIZED -> "Log in first";
            case FORBIDDEN -> "You may not do this";
            case NOT_FOUND -> "No such resource";
            case METHOD_NOT_ALLOWED -> "Method " + method + " is not allowed here";
            case CONTENT_TOO_LARGE -> "The request is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Send JSON with Content-Type: application/json";
            case SERVICE_UNAVAILABLE -> "The service is briefly unavailable; nothing was changed, try again";
            default ->
                status.is4xxClientError()
                        ? "The request could not be read; check its address and parameters"
                        : "Something went wrong on our side; it has been logged";
        };
    }

    /** The envelope's error code for a status the container chose. */
    static String codeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ErrorCodes.MALFORMED_REQUEST;
            case UNAUTHORIZED -> ErrorCodes.UNAUTHENTICATED;
            case FORBIDDEN -> ErrorCodes.FORBIDDEN;
            case NOT_FOUND -> ErrorCodes.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCodes.METHOD_NOT_ALLOWED;
            case CONTENT_TOO_LARGE -> ErrorCodes.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            case SERVICE_UNAVAILABLE -> ErrorCodes.SERVICE_UNAVAILABLE;
            default -> status.is4xxClientError() ? ErrorCodes.MALFORMED_REQUEST : ErrorCodes.INTERNAL_ERROR;
        };
    }
}
