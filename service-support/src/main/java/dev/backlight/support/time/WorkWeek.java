package dev.backlight.support.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/** A tenant's working week, which starts on the tenant's chosen day (Monday in most places, Sunday in others). */
public record WorkWeek(DayOfWeek firstDay) {

    public WorkWeek {
        Objects.requireNonNull(firstDay, "firstDay");
    }

    /** The first day of the week that holds {@code day}. */
    public LocalDate startOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(firstDay));
    }

    /** Whether {@code day} is the first day of one of these weeks. */
    public boolean isStart(LocalDate day) {
        return day.getDayOfWeek() == firstDay;
    }

    /** The first week start on or after {@code day}: the exclusive end of the whole weeks that cover up to it. */
    public LocalDate startOnOrAfter(LocalDate day) {
        return day.with(TemporalAdjusters.nextOrSame(firstDay));
    }
}
