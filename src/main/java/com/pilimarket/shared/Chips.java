package com.pilimarket.shared;

import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.Locale;

/** Display rules of the chip economy: 1 chip = ₱1 for display only, shown in en-PH, times in Manila. */
public final class Chips {

    public static final Locale LOCALE = Locale.forLanguageTag("en-PH");
    public static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    private Chips() {}

    /** {@code 1234} → {@code ₱1,234}. */
    public static String peso(long chips) {
        NumberFormat format = NumberFormat.getIntegerInstance(LOCALE);
        return (chips < 0 ? "-₱" : "₱") + format.format(Math.abs(chips));
    }

    /** {@code 1234} → {@code 1,234 chips (₱1,234)}. */
    public static String describe(long chips) {
        return NumberFormat.getIntegerInstance(LOCALE).format(chips) + (Math.abs(chips) == 1 ? " chip" : " chips")
                + " (" + peso(chips) + ")";
    }
}
