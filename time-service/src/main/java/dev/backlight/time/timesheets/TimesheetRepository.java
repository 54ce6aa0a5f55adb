package dev.backlight.time.timesheets;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class TimesheetRepository implements PanacheRepository<Timesheet> {

    /** The first week of the tenant that is submitted or approved, and so frozen; null when none is. */
    public Uni<Timesheet> findFrozen() {
        return find("status in ?1 order by weekStart", List.of(TimesheetStatus.SUBMITTED, TimesheetStatus.APPROVED)).firstResult();
    }

    public Uni<Timesheet> findWeek(Long employeeId, LocalDate weekStart) {
        return find("employeeId = ?1 and weekStart = ?2", employeeId, weekStart).firstResult();
    }

    /**
     * Whether a day of an employee may change, in one round trip: the id of a lock of the employee's tenant covering
     * the day (null when none) and the status of the employee's timesheet of that week (null when there is none).
     */
    public Uni<DayState> dayState(Long employeeId, LocalDate day, LocalDate weekStart) {
        return getSession().chain(session -> session.createSelectionQuery("select "
                        + "(select min(l.id) from PeriodLock l where l.tenantId = m.tenantId and l.firstDay <= :day and l.lastDay >= :day), "
                        + "(select t.status from Timesheet t where t.employeeId = m.id and t.weekStart = :week) "
                        + "from Employee m where m.id = :employee", DayState.class)
                .setParameter("employee", employeeId).setParameter("day", day).setParameter("week", weekStart)
                .getSingleResult());
    }

    /** What {@link #dayState} found. */
    record DayState(Long lockId, TimesheetStatus status) {
    }
}
