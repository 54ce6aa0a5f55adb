package dev.backlight.support.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Weeks that start on the tenant's day, and seconds shown as hours. */
class WorkWeekTest {

    // Wednesday 11 March 2026.
    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 11);

    @Test
    void aWeekStartsOnTheTenantsDay() {
        assertEquals(LocalDate.of(2026, 3, 9), new WorkWeek(DayOfWeek.MONDAY).startOf(WEDNESDAY));
        assertEquals(LocalDate.of(2026, 3, 8), new WorkWeek(DayOfWeek.SUNDAY).startOf(WEDNESDAY));
        assertEquals(LocalDate.of(2026, 3, 8), new WorkWeek(DayOfWeek.SUNDAY).startOf(LocalDate.of(2026, 3, 8)));
    }

    @Test
    void wholeWeeksEndOnTheFirstWeekStartOnOrAfterTheLastDay() {
        WorkWeek sundays = new WorkWeek(DayOfWeek.SUNDAY);

        assertEquals(LocalDate.of(2026, 3, 15), sundays.startOnOrAfter(WEDNESDAY));
        assertEquals(LocalDate.of(2026, 3, 15), sundays.startOnOrAfter(LocalDate.of(2026, 3, 15)));
        assertTrue(sundays.isStart(LocalDate.of(2026, 3, 15)));
        assertFalse(sundays.isStart(LocalDate.of(2026, 3, 16)));
    }

    @Test
    void hoursAreRoundedHalfUpOnlyWhenShown() {
        assertEquals(new BigDecimal("0.01"), Hours.of(18, 2));
        assertEquals(new BigDecimal("0.00"), Hours.of(17, 2));
        assertEquals(new BigDecimal("7.5000"), Hours.of(27_000, 4));
    }
}
