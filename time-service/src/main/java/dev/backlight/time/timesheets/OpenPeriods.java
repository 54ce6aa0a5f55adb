package dev.backlight.time.timesheets;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.time.tenants.Tenant;
import io.smallrye.mutiny.Uni;

/** Whether a day's time may still change: neither in a locked period nor in a submitted or approved week. */
@ApplicationScoped
public class OpenPeriods {

    @Inject
    PeriodLockRepository locks;

    @Inject
    TimesheetRepository timesheets;

    /** 409 when the day is in a locked period or in a submitted or approved week of this employee. */
    public Uni<Void> checkDayOpen(Tenant tenant, Long employeeId, LocalDate day) {
        return locks.findCovering(day).chain(lock -> {
            if (lock != null) {
                throw ApiException.conflict("period-locked", "The period " + lock.firstDay + " to " + lock.lastDay
                        + " is locked (" + lock.reason + ")", "lockId", lock.id, "workDate", day.toString());
            }
            LocalDate weekStart = tenant.workWeek().startOf(day);
            return timesheets.findWeek(employeeId, weekStart);
        }).invoke(timesheet -> checkWeekOpen(timesheet, day)).replaceWithVoid();
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
