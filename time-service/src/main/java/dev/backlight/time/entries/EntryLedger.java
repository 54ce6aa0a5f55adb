package dev.backlight.time.entries;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * What the other features do with entries: timers open and close them (each in a transaction of its own,
 * {@link CaptureQueue}), timesheets read a week and period locks look for running timers (in the caller's session).
 */
@ApplicationScoped
public class EntryLedger {

    private final TimeEntryRepository entries;
    private final CaptureQueue captures;

    EntryLedger(TimeEntryRepository entries, CaptureQueue captures) {
        this.entries = entries;
        this.captures = captures;
    }

    /** A timer to start for an employee (null: the caller) on a function and optionally a client. */
    public record TimerRequest(Long employeeId, String functionCode, String clientCode, String notes, String zone) {
    }

    /** The timer started, and the one it stopped (or null). */
    public record TimerStart(TimeEntryView started, TimeEntryView stopped) {
    }

    /**
     * Starts a timer now, in a transaction apart from the caller's that locks the employee's time, stopping the
     * running one at the same instant so that the two entries meet exactly ([start, end) intervals); 409 when the
     * start falls inside other time or a closed day.
     */
    public Uni<TimerStart> startTimer(TimerRequest request) {
        return captures.startTimer(request);
    }

    /**
     * Stops the employee's running timer now, in a transaction apart from the caller's that locks the employee's
     * time; ended at the 24 h mark and flagged for review when it ran longer; null when it ran less than a second; 409
     * when none runs.
     */
    public Uni<TimeEntryView> stopTimer(Long employeeId) {
        return captures.stopTimer(employeeId);
    }

    /** The employee's running timer, or null. */
    public Uni<TimeEntryView> runningTimer(Long employeeId) {
        return entries.firstView("e.employeeId = ?1 and e.startedAt is not null and e.endedAt is null", "e.startedAt", employeeId);
    }

    /** Every running timer of the tenant, longest running first. */
    public Uni<List<TimeEntryView>> runningTimers() {
        return entries.views("e.startedAt is not null and e.endedAt is null", "e.startedAt");
    }

    /** The first running timer whose work date falls in [firstDay, lastDay], or null. */
    public Uni<TimeEntryView> firstRunningWithin(LocalDate firstDay, LocalDate lastDay) {
        return entries.firstView("e.startedAt is not null and e.endedAt is null and e.workDate >= ?1 and e.workDate <= ?2",
                "e.startedAt", firstDay, lastDay);
    }

    /** The entries of one employee's week in the order worked (manual ones last on their day). */
    public Uni<List<TimeEntryView>> week(Long employeeId, LocalDate weekStart) {
        return entries.views("e.employeeId = ?1 and e.workDate >= ?2 and e.workDate < ?3",
                "e.workDate, e.startedAt nulls last, e.id", employeeId, weekStart, weekStart.plusDays(7));
    }
}
