package com.pilimarket.ledger;

import com.pilimarket.shared.ApiException;
import com.pilimarket.shared.ErrorCodes;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** 422 {@code INSUFFICIENT_CHIPS}: the debit would take a user's balance below zero. */
public class InsufficientChipsException extends ApiException {

    private final UUID userId;

    public InsufficientChipsException(UUID userId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCodes.INSUFFICIENT_CHIPS, "Not enough chips for this");
        this.userId = userId;
    }

    public UUID userId() {
        return userId;
    }
}
