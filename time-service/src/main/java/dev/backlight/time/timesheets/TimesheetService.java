package dev.backlight.time.timesheets;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.directory.EmployeeRef;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.entries.EntryLedger;
import dev.backlight.time.entries.TimeEntryView;
import dev.backlight.time.entries.TimeRules;
import dev.backlight.time.tenants.TenantProfile;
import dev.backlight.time.tenants.TenantService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Weekly timesheets: an employee's week is always derived from their entries; only its review state is stored.
 * OPEN or REJECTED → submit → SUBMITTED → approve → APPROVED, or reject (with a reason) → REJECTED; reopen → OPEN.
 */
@ApplicationScoped
public class TimesheetService {

    @Inject
    TimesheetRepository timesheets;

    @Inject
    EntryLedger ledger;

    @Inject
    PeriodLockRepository locks;

    @Inject
    TimeRules rules;

    @Inject
    EmployeeScope scope;

    @Inject
    TenantService tenantService;

    @Inject
    Caller caller;

    /** A week as derived from the entries, with its review state (OPEN when never submitted). */
    public record Week(EmployeeRef employee, LocalDate weekStart, Timesheet timesheet, List<TimeEntryView> entries) {
        public TimesheetStatus status() {
            return timesheet == null ? TimesheetStatus.OPEN : timesheet.status;
        }
    }

    @WithSession
    public Uni<Week> week(Long employeeId, LocalDate weekStart) {
        return load(employeeId, weekStart, false);
    }

    @WithSession
    public Uni<List<Timesheet>> list(LocalDate weekStart, TimesheetStatus status) {
        return tenantService.current().chain(tenant -> {
            checkWeekStart(tenant, weekStart);
            return status == null
                    ? timesheets.list("weekStart = ?1 order by employeeId", weekStart)
                    : timesheets.list("weekStart = ?1 and status = ?2 order by employeeId", weekStart, status);
        });
    }

    @WithTransaction
    public Uni<Week> submit(Long employeeId, LocalDate weekStart) {
        return load(employeeId, weekStart, true).chain(week -> {
            require(week, TimesheetStatus.OPEN, TimesheetStatus.REJECTED);
            long unresolved = week.entries().stream().filter(e -> e.running() || e.reviewReason() != null).count();
            if (unresolved > 0) {
                throw ApiException.conflict("needs-review", unresolved + " entries of this week are running timers or "
                        + "flagged for review; resolve them before submitting", "unresolvedEntries", unresolved);
            }
            Timesheet timesheet = week.timesheet() == null ? newTimesheet(week) : week.timesheet();
            timesheet.status = TimesheetStatus.SUBMITTED;
            timesheet.submittedAt = rules.now();
            timesheet.submittedBy = caller.subject();
            timesheet.rejectionReason = null;
            return save(week, timesheet);
        });
    }

    @WithTransaction
    public Uni<Week> approve(Long employeeId, LocalDate weekStart) {
        return decide(employeeId, weekStart, TimesheetStatus.APPROVED, null);
    }

    @WithTransaction
    public Uni<Week> reject(Long employeeId, LocalDate weekStart, String reason) {
        return decide(employeeId, weekStart, TimesheetStatus.REJECTED, reason);
    }

    /** Back to OPEN so the week's time can change again; refused while any of its days is in a locked period. */
    @WithTransaction
    public Uni<Week> reopen(Long employeeId, LocalDate weekStart) {
        return load(employeeId, weekStart, true).chain(week -> {
            require(week, TimesheetStatus.SUBMITTED, TimesheetStatus.APPROVED, TimesheetStatus.REJECTED);
            return locks.findOverlapping(weekStart, weekStart.plusDays(6)).chain(lock -> {
                if (lock != null) {
                    throw ApiException.conflict("period-locked", "The week overlaps the locked period " + lock.firstDay
                            + " to " + lock.lastDay + "; unlock it first", "lockId", lock.id);
                }
                Timesheet timesheet = week.timesheet();
                timesheet.status = TimesheetStatus.OPEN;
                timesheet.decidedAt = rules.now();
                timesheet.decidedBy = caller.subject();
                return save(week, timesheet);
            });
        });
    }

    private Uni<Week> decide(Long employeeId, LocalDate weekStart, TimesheetStatus decision, String reason) {
        return load(employeeId, weekStart, true).call(this::refuseOwnWeek).chain(week -> {
            require(week, TimesheetStatus.SUBMITTED);
            Timesheet timesheet = week.timesheet();
            timesheet.status = decision;
            timesheet.decidedAt = rules.now();
            timesheet.decidedBy = caller.subject();
            timesheet.rejectionReason = reason;
            return save(week, timesheet);
        });
    }

    /**
     * Nobody decides on their own week, checked against every login the employee ever had: clearing theirs for a
     * moment does not make it someone else's week.
     */
    private Uni<Void> refuseOwnWeek(Week week) {
        return scope.isOrWasCaller(week.employee().id()).invoke(own -> {
            if (own) {
                throw ApiException.forbidden("Nobody approves or rejects their own timesheet");
            }
        }).replaceWithVoid();
    }

    private Uni<Week> load(Long employeeId, LocalDate weekStart, boolean forChange) {
        return tenantService.current().chain(tenant -> {
            checkWeekStart(tenant, weekStart);
            Uni<EmployeeRef> employee = forChange ? scope.forTimeChangeAt(employeeId) : scope.forReadingAt(employeeId);
            return employee.chain(e -> timesheets.findWeek(e.id(), weekStart)
                    .chain(timesheet -> ledger.week(e.id(), weekStart)
                            .map(list -> new Week(e, weekStart, timesheet, list))));
        });
    }

    private Uni<Week> save(Week week, Timesheet timesheet) {
        Uni<Timesheet> saved = timesheet.id == null ? timesheets.persist(timesheet) : Uni.createFrom().item(timesheet);
        return saved.call(() -> timesheets.flush())
                .map(t -> new Week(week.employee(), week.weekStart(), t, week.entries()));
    }

    private static Timesheet newTimesheet(Week week) {
        Timesheet timesheet = new Timesheet();
        timesheet.employeeId = week.employee().id();
        timesheet.weekStart = week.weekStart();
        return timesheet;
    }

    private static void require(Week week, TimesheetStatus... allowed) {
        for (TimesheetStatus status : allowed) {
            if (week.status() == status) {
                return;
            }
        }
        throw ApiException.conflict("timesheet-state", "The timesheet is " + week.status() + "; this needs one of "
                + List.of(allowed), "timesheetStatus", week.status().name());
    }

    private void checkWeekStart(TenantProfile tenant, LocalDate weekStart) {
        if (!tenant.workWeek().isStart(weekStart)) {
            throw ApiException.invalidField("weekStart", "must be a " + tenant.weekStart() + " (the tenant's first day of the week)");
        }
    }
}
