package com.pilimarket.users;

/** Device and network signals seen at register, login or purchase (fraud checks read them). */
public record UserSignal(String event, String deviceId, String ip, String userAgent) {

    public UserSignal {
        deviceId = clip(deviceId, 200);
        ip = clip(ip, 100);
        userAgent = clip(userAgent, 500);
    }

    private static String clip(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
