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
}
