package dev.backlight.time.timesheets;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.time.tenants.TenantProfile;
import io.smallrye.mutiny.Uni;

/** Whether a day's time may still change: neither in a locked period nor in a submitted or approved week. */
@ApplicationScoped
public class OpenPeriods {

    @Inject
    PeriodLockRepository locks;

    @Inject
    TimesheetRepository timesheets;

    /** A locked period, with what a refusal names. */
    public record LockedPeriod(long id, LocalDate firstDay, LocalDate lastDay, String reason) {
    }

    /**
     * 409 when the day is in a locked period or in a submitted or approved week of this employee; both read in one
     * round trip, the lock's details only when there is one.
     */
    public Uni<Void> checkDayOpen(TenantProfile tenant, Long employeeId, LocalDate day) {
        LocalDate weekStart = tenant.workWeek().startOf(day);
        return timesheets.dayState(employeeId, day, weekStart).chain(state -> {
            if (state.lockId() == null) {
                checkDayOpen(null, state.status(), weekStart, day);
                return Uni.createFrom().voidItem();
            }
            return locks.findById(state.lockId()).invoke(lock -> checkDayOpen(
                    new LockedPeriod(lock.id, lock.firstDay, lock.lastDay, lock.reason), state.status(), weekStart, day))
                    .replaceWithVoid();
        });
    }

    /**
     * The rule of {@link #checkDayOpen(TenantProfile, Long, LocalDate)} applied to what a caller's own statement read:
     * the locked period holding the day (or null) and the status of the employee's timesheet for the week (or null).
     */
    public static void checkDayOpen(LockedPeriod lock, String timesheetStatus, LocalDate weekStart, LocalDate day) {
        checkDayOpen(lock, timesheetStatus == null ? null : TimesheetStatus.valueOf(timesheetStatus), weekStart, day);
    }

    private static void checkDayOpen(LockedPeriod lock, TimesheetStatus status, LocalDate weekStart, LocalDate day) {
        if (lock != null) {
            throw ApiException.conflict("period-locked", "The period " + lock.firstDay() + " to " + lock.lastDay()
                    + " is locked (" + lock.reason() + ")", "lockId", lock.id(), "workDate", day.toString());
        }
        if (status != null && status.freezesTime()) {
            throw frozen(status, weekStart, day);
        }
    }

    /**
     * Submitted and approved weeks are frozen by their week start; a new week start would leave their entries outside
     * any frozen week, so it waits until none is left (reopen or reject them first).
     */
    public Uni<Void> checkNoWeekFrozen() {
        return timesheets.findFrozen().invoke(frozen -> {
            if (frozen != null) {
                throw ApiException.conflict("weeks-frozen", "The week of " + frozen.weekStart + " is " + frozen.status
                        + "; the week start cannot change while submitted or approved weeks exist", "timesheetId", frozen.id);
            }
        }).replaceWithVoid();
    }

    private static ApiException frozen(TimesheetStatus status, LocalDate weekStart, LocalDate day) {
        return ApiException.conflict("timesheet-" + status.name().toLowerCase(),
                "The week starting " + weekStart + " is " + status.name().toLowerCase() + "; reopen it to change its time",
                "weekStart", weekStart.toString(), "workDate", day.toString());
    }

}
