package com.pilimarket.payments.internal;

import com.pilimarket.shared.ApiException;
import org.springframework.http.HttpStatus;

/** The provider could not start a checkout: 502 {@code PAYMENT_PROVIDER_ERROR}, or 503 when it is not configured. */
public class PaymentProviderException extends ApiException {

    public static final String ERROR = "PAYMENT_PROVIDER_ERROR";
    public static final String UNAVAILABLE = "PAYMENT_PROVIDER_UNAVAILABLE";

    private PaymentProviderException(HttpStatus status, String code, String message) {
        super(status, code, message);
    }

    static PaymentProviderException failed(String provider) {
        return new PaymentProviderException(
                HttpStatus.BAD_GATEWAY,
                ERROR,
                provider + " did not accept the payment; nothing was charged, try again");
    }

    static PaymentProviderException notConfigured(String provider) {
        return new PaymentProviderException(
                HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE, provider + " payments are not available right now");
    }
}
