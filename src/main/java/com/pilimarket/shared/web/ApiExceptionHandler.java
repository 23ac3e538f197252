package com.pilimarket.shared.web;

import com.pilimarket.shared.ApiError;
import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ApiResponse;
import com.pilimarket.shared.ErrorCodes;
import com.pilimarket.shared.RateLimitedException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into the API envelope with the right status. Bad input is a 4xx with a
 * clear code; only a genuine bug is a 500, and even then no stack trace leaves the server.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        // JSON even when the client asked for text/event-stream (a refused or missing stream): with the
        // content type preset, Spring writes the envelope instead of failing content negotiation.
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e instanceof RateLimitedException limited) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        return builder.body(ApiResponse.failure(e.errors()));
    }

    /** The client went away (a closed stream, a dropped connection): nobody to answer, no bug to report. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiResponse<Void>> invalidBody(BindException e) {
        List<ApiError> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            String message = error.isBindingFailure()
                    ? "has the wrong type"
                    : error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
            errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, snake(error.getField()), message));
        }
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(new ApiError(ErrorCodes.VALIDATION_FAILED, null, g.getDefaultMessage())));
        return badRequest(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiResponse<Void>> invalidParameters(HandlerMethodValidationException e) {
        List<ApiError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors()
                    .forEach(err -> errors.add(new ApiError(
                            ErrorCodes.VALIDATION_FAILED, name == null ? null : snake(name), err.getDefaultMessage())));
        });
        return badRequest(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiResponse<Void>> constraintViolation(ConstraintViolationException e) {
        List<ApiError> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    String path = v.getPropertyPath().toString();
                    String field = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
                    return new ApiError(ErrorCodes.VALIDATION_FAILED, snake(field), v.getMessage());
                })
                .toList();
        return badRequest(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalidField(e.getName(), "has the wrong type");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException e) {
        return invalidField(e.getParameterName(), "is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiResponse<Void>> missingHeader(MissingRequestHeaderException e) {
        return invalidField(e.getHeaderName(), "header is required");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        if (bodyTooLarge(e)) {
            return tooLarge(e);
        }
        return failure(
                HttpStatus.BAD_REQUEST,
                ErrorCodes.MALFORMED_REQUEST,
                "The request body is missing or is not valid JSON of the expected shape");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
        if (e.getSupportedHttpMethods() != null) {
            builder.allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new));
        }
        return builder.body(
                envelope(ErrorCodes.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not allowed here"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return failure(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                "Send JSON with Content-Type: application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiResponse<Void>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return failure(HttpStatus.NOT_ACCEPTABLE, ErrorCodes.NOT_ACCEPTABLE, "This endpoint answers application/json");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiResponse<Void>> notFound(Exception e) {
        return failure(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "No such resource");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiResponse<Void>> tooLarge(Exception e) {
        return failure(HttpStatus.CONTENT_TOO_LARGE, ErrorCodes.PAYLOAD_TOO_LARGE, "The request is too large");
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ApiResponse<Void>> accessDenied(Exception e) {
        return failure(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, "You may not do this");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ApiResponse<Void>> unauthenticated(AuthenticationException e) {
        return failure(HttpStatus.UNAUTHORIZED, ErrorCodes.UNAUTHENTICATED, "Log in first");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiResponse<Void>> integrity(DataIntegrityViolationException e) {
        if (unstorableText(e)) {
            // PostgreSQL refuses NUL in text and jsonb (\u0000); the transaction rolled back, so the input is simply
            // bad.
            return failure(
                    HttpStatus.BAD_REQUEST,
                    ErrorCodes.VALIDATION_FAILED,
                    "The request contains characters that cannot be stored (NUL)");
        }
        // Constraints are the last line of defence; reaching one means a check above was missed or lost a race.
        log.warn(
                "Constraint violation reached the web layer: {}",
                e.getMostSpecificCause().getMessage());
        return failure(
                HttpStatus.CONFLICT,
                ErrorCodes.CONFLICT,
                "The request conflicts with the current state; nothing was changed");
    }

    @ExceptionHandler(PessimisticLockingFailureException.class)
    ResponseEntity<ApiResponse<Void>> lockFailure(PessimisticLockingFailureException e) {
        log.warn("Lock conflict: {}", e.getMostSpecificCause().getMessage());
        return retryLater(
                HttpStatus.CONFLICT,
                1,
                ErrorCodes.CONFLICT,
                "A concurrent change got in the way; nothing was changed, try again");
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        CannotCreateTransactionException.class,
        DataAccessResourceFailureException.class,
        QueryTimeoutException.class
    })
    ResponseEntity<ApiResponse<Void>> unavailable(Exception e) {
        log.error("A dependency is unavailable: {}", e.getMessage());
        return retryLater(
                HttpStatus.SERVICE_UNAVAILABLE,
                5,
                ErrorCodes.SERVICE_UNAVAILABLE,
                "The service is briefly unavailable; nothing was changed, try again");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        if (bodyTooLarge(e)) {
            return tooLarge(e);
        }
        if (DatabaseFailures.connectionLost(e)) {
            // e.g. "JDBC rollback failed" (TransactionSystemException) after the connection was cut mid-transaction.
            return unavailable(e);
        }
        log.error("Unexpected error", e);
        return failure(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorCodes.INTERNAL_ERROR,
                "Something went wrong on our side; it has been logged");
    }

    /** SQLSTATE 22021 (invalid byte sequence, e.g. NUL in text) or 22P05 (untranslatable character in jsonb). */
    private static boolean unstorableText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql
                    && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A streamed body that went over {@link RequestSizeLimitFilter}'s cap surfaces wrapped by the JSON reader. */
    private static boolean bodyTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** The envelope with one error and no field, at {@code status}. */
    private static ResponseEntity<ApiResponse<Void>> failure(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(envelope(code, message));
    }

    /** As {@link #failure}, telling the client to try again after {@code seconds} (Retry-After). */
    private static ResponseEntity<ApiResponse<Void>> retryLater(
            HttpStatus status, long seconds, String code, String message) {
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(envelope(code, message));
    }

    private static ApiResponse<Void> envelope(String code, String message) {
        return ApiResponse.failure(List.of(ApiError.of(code, message)));
    }

    /** 400 validation_failed naming one field (a parameter or header). */
    private static ResponseEntity<ApiResponse<Void>> invalidField(String field, String message) {
        return badRequest(List.of(new ApiError(ErrorCodes.VALIDATION_FAILED, field, message)));
    }

    private static ResponseEntity<ApiResponse<Void>> badRequest(List<ApiError> errors) {
        if (errors.isEmpty()) {
            errors = List.of(ApiError.of(ErrorCodes.VALIDATION_FAILED, "The request is invalid"));
        }
        return ResponseEntity.badRequest().body(ApiResponse.failure(errors));
    }

    /** Java field names are camelCase; the API speaks snake_case. */
    static String snake(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
