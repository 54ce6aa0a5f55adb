package dev.backlight.time.repository;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.time.domain.Timesheet;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TimesheetRepository implements PanacheRepository<Timesheet> {

    public Uni<Timesheet> findWeek(Long employeeId, LocalDate weekStart) {
        return find("employeeId = ?1 and weekStart = ?2", employeeId, weekStart).firstResult();
    }
}
