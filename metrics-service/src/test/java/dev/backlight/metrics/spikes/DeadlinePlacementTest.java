package dev.backlight.metrics.spikes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.backlight.metrics.spikes.RecurringDeadline.Kind;
import dev.backlight.metrics.spikes.RecurringDeadline.NonWorkingDay;

/** Deadlines placed on working days, their runs, overlaps and the staggering the seed suggests. */
class DeadlinePlacementTest {

    private static final long OWNER = 12;
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    // Mondays in March 2026: 2, 9, 16, 23, 30.
    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 4, 1);

    private static SpikeCalendar calendar(Set<LocalDate> holidays) {
        return new SpikeCalendar(holidays, Map.of(OWNER, new SpikeCalendar.Owner(OWNER, "Dana Whitfield", WEEKDAYS, new BigDecimal("8"))));
    }

    private static RecurringDeadline deadline(long id, String name, Kind kind, String rrule, NonWorkingDay onDayOff) {
        RecurringDeadline deadline = new RecurringDeadline();
        deadline.id = id;
        deadline.name = name;
        deadline.kind = kind;
        deadline.functionCode = kind == Kind.REPORT_DUE ? "REPORTING" : "SCHEDULING";
        deadline.ownerEmployeeId = OWNER;
        deadline.firstDate = LocalDate.of(2026, 1, 5);
        deadline.rrule = rrule;
        deadline.runWorkingDays = 1;
        deadline.expectedUnits = BigDecimal.ONE;
        deadline.nonWorkingDay = onDayOff;
        return deadline;
    }

    @Test
    void aDeadlineOnAHolidayMovesToTheWorkingDayBefore() {
        SpikeCalendar calendar = calendar(Set.of(LocalDate.of(2026, 3, 16)));
        RecurringDeadline report = deadline(1, "Weekly report", Kind.REPORT_DUE, "FREQ=WEEKLY;BYDAY=MO", NonWorkingDay.EARLIER);

        List<SpikeCalendar.Occurrence> occurrences = calendar.occurrences(report, FROM, TO, new BigDecimal("2"));

        assertEquals(5, occurrences.size());
        SpikeCalendar.Occurrence moved = occurrences.get(2);
        assertEquals(LocalDate.of(2026, 3, 16), moved.scheduledDate());
        assertEquals(LocalDate.of(2026, 3, 13), moved.date());
        assertEquals("holiday: EARLIER", moved.moved());
        assertEquals(new BigDecimal("2.00"), moved.expectedHours());
    }

    @Test
    void aPayDateRunEndsTheWorkingDayBefore() {
        SpikeCalendar calendar = calendar(Set.of());
        SpikeCalendar.Owner owner = new SpikeCalendar.Owner(OWNER, "Dana", WEEKDAYS, BigDecimal.ONE);

        // Pay on Monday 9 March, two working days of run: Thursday 5 and Friday 6.
        assertEquals(List.of(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6)),
                calendar.run(owner, LocalDate.of(2026, 3, 9), Kind.PAY_DATE, 2));
        assertEquals(List.of(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 9)),
                calendar.run(owner, LocalDate.of(2026, 3, 9), Kind.REPORT_DUE, 2));
    }

    @Test
    void theReportDueTheSameMondayAsTheScheduleMovesToTuesday() {
        SpikeCalendar calendar = calendar(Set.of());
        List<SpikeCalendar.Occurrence> all = new ArrayList<>();
        all.addAll(calendar.occurrences(deadline(1, "Weekly schedule", Kind.SCHEDULING_DEADLINE, "FREQ=WEEKLY;BYDAY=MO",
                NonWorkingDay.EARLIER), FROM, LocalDate.of(2026, 3, 3), new BigDecimal("4")));
        all.addAll(calendar.occurrences(deadline(2, "Weekly report", Kind.REPORT_DUE, "FREQ=WEEKLY;BYDAY=MO",
                NonWorkingDay.EARLIER), FROM, LocalDate.of(2026, 3, 3), new BigDecimal("2")));

        List<SpikeCalendar.Overlap> overlaps = calendar.overlaps(all, FROM, TO);
        assertEquals(1, overlaps.size());
        assertEquals(List.of(LocalDate.of(2026, 3, 2)), overlaps.get(0).days());
        assertEquals(new BigDecimal("6.00"), overlaps.get(0).peakHours());

        SpikeCalendar.Suggestion suggestion = calendar.stagger(overlaps.get(0), all);
        assertNotNull(suggestion);
        assertEquals("Weekly report", suggestion.name());
        assertEquals(LocalDate.of(2026, 3, 3), suggestion.toDate());
        assertEquals(1, suggestion.shiftWorkingDays());
        assertEquals(new BigDecimal("4.00"), suggestion.peakHoursAfter());
    }

    @Test
    void aSkippedOccurrenceLeavesNoRun() {
        SpikeCalendar calendar = calendar(Set.of(LocalDate.of(2026, 3, 16)));
        RecurringDeadline report = deadline(1, "Weekly report", Kind.REPORT_DUE, "FREQ=WEEKLY;BYDAY=MO", NonWorkingDay.SKIP);

        List<SpikeCalendar.Occurrence> occurrences = calendar.occurrences(report, FROM, TO, null);

        assertEquals(4, occurrences.size());
        assertTrue(occurrences.stream().noneMatch(o -> o.scheduledDate().equals(LocalDate.of(2026, 3, 16))));
    }
}
