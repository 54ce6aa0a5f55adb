package dev.backlight.time.entries;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.problem.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * What the other features do with entries, in the caller's session: timers open and close them, timesheets read a
 * week, period locks look for running timers. The employee's time must already be locked by the caller where an
 * entry changes ({@code EmployeeScope.forTimeChange}).
 */
@ApplicationScoped
public class EntryLedger {

    private final TimeEntryRepository entries;
    private final TimeRules rules;

    EntryLedger(TimeEntryRepository entries, TimeRules rules) {
        this.entries = entries;
        this.rules = rules;
    }

    /** A timer to start: the function and client are already checked, and their codes go into the answer. */
    public record NewTimer(Long employeeId, Long functionId, String functionCode, Long clientId, String clientCode,
            Instant startedAt, String zone, LocalDate workDate, String notes) {
    }

    /** The timer started, and the one it stopped (or null). */
    public record TimerStart(TimeEntryView started, TimeEntryView stopped) {
    }

    /**
     * Starts a timer, stopping the employee's running one at the same instant so that the two entries meet exactly
     * ([start, end) intervals); 409 when the start falls inside other time.
     */
    public Uni<TimerStart> startTimer(NewTimer timer) {
        return entries.findRunning(timer.employeeId())
                .chain(running -> running == null ? Uni.createFrom().<TimeEntry>nullItem() : close(running, timer.startedAt()))
                .call(() -> rules.checkNoOverlap(timer.employeeId(), timer.startedAt(), null, TimeEntryRepository.NONE))
                .chain(stopped -> {
                    TimeEntry entry = new TimeEntry();
                    entry.employeeId = timer.employeeId();
                    entry.functionId = timer.functionId();
                    entry.clientAccountId = timer.clientId();
                    entry.startedAt = timer.startedAt();
                    entry.zone = timer.zone();
                    entry.workDate = timer.workDate();
                    entry.source = EntrySource.TIMER;
                    entry.notes = timer.notes();
                    entry.createdAt = timer.startedAt();
                    entry.updatedAt = timer.startedAt();
                    return entries.persist(entry).call(() -> entries.flush())
                            .chain(started -> viewOf(stopped).map(stoppedView -> new TimerStart(
                                    TimeEntryView.of(started, timer.functionCode(), timer.clientCode()), stoppedView)));
                });
    }

    /** Stops the employee's running timer at {@code now}; null when it ran less than a second; 409 when none runs. */
    public Uni<TimeEntryView> stopTimer(Long employeeId, Instant now) {
        return entries.findRunning(employeeId).onItem().ifNull()
                .failWith(() -> ApiException.conflict("no-timer", "No timer is running for employee " + employeeId,
                        "employeeId", employeeId))
                .chain(running -> close(running, now))
                .call(() -> entries.flush())
                .chain(this::viewOf);
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

    private Uni<TimeEntryView> viewOf(TimeEntry entry) {
        return entry == null ? Uni.createFrom().nullItem() : entries.view(entry.id);
    }

    /**
     * Ends a running timer at {@code now}, or at the 24 h mark with a review flag when it ran longer. A timer
     * stopped within its first second recorded nothing and is discarded (null).
     */
    private Uni<TimeEntry> close(TimeEntry running, Instant now) {
        Instant limit = running.startedAt.plus(TimeRules.MAX_ENTRY);
        Instant end = now.isAfter(limit) ? limit : now;
        if (!end.isAfter(running.startedAt)) {
            // Flushed at once: Hibernate would otherwise insert the next timer before deleting this one, and the
            // one-running-timer index would reject it.
            return entries.delete(running).call(() -> entries.flush()).replaceWith(Uni.createFrom().nullItem());
        }
        running.endedAt = end;
        running.durationSeconds = (int) Duration.between(running.startedAt, end).getSeconds();
        running.updatedAt = now;
        if (now.isAfter(limit)) {
            running.reviewReason = TimeEntry.TIMER_OVER_LIMIT;
        }
        return Uni.createFrom().item(running);
    }
}
