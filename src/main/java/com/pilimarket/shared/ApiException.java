package com.pilimarket.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal with an HTTP status and API error code. Throw it (or a subclass) from anywhere; the
 * web layer turns it into the envelope. The transaction it escapes from rolls back.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<ApiError> errors;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, List.of(ApiError.of(code, message)));
    }

    public ApiException(HttpStatus status, List<ApiError> errors) {
        super(errors.isEmpty() ? status.getReasonPhrase() : errors.get(0).message(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<ApiError> errors() {
        return errors;
    }

    public String code() {
        return errors.isEmpty() ? null : errors.get(0).code();
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, what + " not found");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, ErrorCodes.FORBIDDEN, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    /** A business rule refused the request (422). */
    public static ApiException unprocessable(String code, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
    }

    public static ApiException invalidState(String message) {
        return unprocessable(ErrorCodes.INVALID_STATE, message);
    }

    public static ApiException badRequest(String field, String message) {
        return new ValidationException(List.of(new ApiError(ErrorCodes.VALIDATION_FAILED, field, message)));
    }
}
