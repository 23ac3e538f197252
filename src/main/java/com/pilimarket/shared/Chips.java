package com.pilimarket.shared;

import java.time.ZoneId;
import java.util.Locale;

/** Display rules of the chip economy: 1 chip = ₱1 for display only, shown in en-PH, times in Manila. */
public final class Chips {

    public static final Locale LOCALE = Locale.forLanguageTag("en-PH");
    public static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    private Chips() {}

    /** {@code 1234} → {@code ₱1,234}. */
    public static String peso(long chips) {
        return (chips < 0 ? "-₱" : "₱") + grouped(chips);
    }

    /** {@code 1234} → {@code 1,234 chips (₱1,234)}. */
    public static String describe(long chips) {
        return (chips < 0 ? "-" : "") + grouped(chips) + (Math.abs(chips) == 1 ? " chip" : " chips") + " ("
                + peso(chips) + ")";
    }

    /**
     * The magnitude in en-PH's integer format ({@code 1,234,567}), written directly: a settlement renders
     * 100,000 of these, and a {@code NumberFormat} built per call was 12 % of the app's CPU samples while it did (JFR).
     */
    private static String grouped(long chips) {
        // Long.MIN_VALUE has no positive counterpart; its unsigned reading is the magnitude.
        String digits = Long.toUnsignedString(Math.abs(chips));
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        out.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }
}
