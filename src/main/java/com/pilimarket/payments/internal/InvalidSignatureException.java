package com.pilimarket.payments.internal;

import com.pilimarket.shared.ApiException;
import org.springframework.http.HttpStatus;

/** 400 {@code INVALID_SIGNATURE}: a webhook whose signature is missing, wrong, or older than the tolerance. */
public class InvalidSignatureException extends ApiException {

    public static final String CODE = "INVALID_SIGNATURE";

    public InvalidSignatureException(String message) {
        super(HttpStatus.BAD_REQUEST, CODE, message);
    }
}
