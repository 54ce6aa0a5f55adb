package dev.backlight.support.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * The calendar every date, month and instant of a request must fall in. Java's date types reach a billion years
 * either side and PostgreSQL's do not, so a value outside this range is refused as invalid input instead of failing
 * in arithmetic or being stored as another date.
 */
public final class CalendarLimits {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    /** What a refusal says, for problem details and the OpenAPI descriptions alike. */
    public static final String RULE = "must be between " + EARLIEST + " and " + LATEST;

    private CalendarLimits() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }

    public static boolean contains(YearMonth month) {
        return contains(month.atDay(1));
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST.atStartOfDay().toInstant(ZoneOffset.UTC))
                && instant.isBefore(LATEST.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }
}
