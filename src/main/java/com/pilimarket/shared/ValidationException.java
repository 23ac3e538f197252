package com.pilimarket.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 400 {@code VALIDATION_FAILED} with one error per bad field. */
public class ValidationException extends ApiException {

    public ValidationException(List<ApiError> errors) {
        super(HttpStatus.BAD_REQUEST, errors);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new ApiError(ErrorCodes.VALIDATION_FAILED, field, message)));
    }
}
