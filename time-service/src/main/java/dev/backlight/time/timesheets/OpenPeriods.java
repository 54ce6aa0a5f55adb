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

    /** 409 when the day is in a locked period or in a submitted or approved week of this employee. */
    public Uni<Void> checkDayOpen(TenantProfile tenant, Long employeeId, LocalDate day) {
        return locks.findCovering(day).chain(lock -> {
            if (lock != null) {
                throw ApiException.conflict("period-locked", "The period " + lock.firstDay + " to " + lock.lastDay
                        + " is locked (" + lock.reason + ")", "lockId", lock.id, "workDate", day.toString());
            }
            LocalDate weekStart = tenant.workWeek().startOf(day);
            return timesheets.findWeek(employeeId, weekStart);
        }).invoke(timesheet -> checkWeekOpen(timesheet, day)).replaceWithVoid();
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

    private static void checkWeekOpen(Timesheet timesheet, LocalDate day) {
        if (timesheet != null && timesheet.status.freezesTime()) {
            throw ApiException.conflict("timesheet-" + timesheet.status.name().toLowerCase(),
                    "The week starting " + timesheet.weekStart + " is " + timesheet.status.name().toLowerCase()
                            + "; reopen it to change its time",
                    "weekStart", timesheet.weekStart.toString(), "workDate", day.toString());
        }
    }

}
