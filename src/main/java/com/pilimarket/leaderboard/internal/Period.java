package com.pilimarket.leaderboard.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/** A leaderboard period: the calendar week (Monday start) or month in Asia/Manila, or all time. */
enum Period {
    WEEKLY,
    MONTHLY,
    ALL_TIME;

    static final ZoneId MANILA = ZoneId.of("Asia/Manila");

    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Period> parse(String value) {
        for (Period period : values()) {
            if (period.value().equals(value)) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }

    /** The window of this period that contains {@code now}: [from, to), null bounds for all time. */
    Window window(Instant now) {
        LocalDate today = now.atZone(MANILA).toLocalDate();
        return switch (this) {
            case WEEKLY -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                String key = monday.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                        + String.format(Locale.ROOT, "%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                yield new Window(
                        key,
                        monday.atStartOfDay(MANILA).toInstant(),
                        monday.plusWeeks(1).atStartOfDay(MANILA).toInstant());
            }
            case MONTHLY -> {
                YearMonth month = YearMonth.from(today);
                yield new Window(
                        month.toString(),
                        month.atDay(1).atStartOfDay(MANILA).toInstant(),
                        month.plusMonths(1).atDay(1).atStartOfDay(MANILA).toInstant());
            }
            case ALL_TIME -> new Window("all", null, null);
        };
    }

    /** Settlement times counted by a board: from (inclusive) to (exclusive); null = unbounded. */
    record Window(String key, Instant from, Instant to) {}
}
