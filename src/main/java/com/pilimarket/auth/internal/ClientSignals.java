package com.pilimarket.auth.internal;

import com.pilimarket.users.UserSignal;
import jakarta.servlet.http.HttpServletRequest;

/** Reads the device id, IP and user agent of a request for {@code user_signals}. */
final class ClientSignals {

    static final String DEVICE_HEADER = "X-Device-Id";

    private ClientSignals() {}

    static UserSignal of(String event, HttpServletRequest request) {
        return new UserSignal(
                event, request.getHeader(DEVICE_HEADER), request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
