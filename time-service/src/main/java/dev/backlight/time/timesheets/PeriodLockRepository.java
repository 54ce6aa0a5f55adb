package dev.backlight.time.timesheets;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class PeriodLockRepository implements PanacheRepository<PeriodLock> {

    public Uni<PeriodLock> findOverlapping(LocalDate firstDay, LocalDate lastDay) {
        return find("firstDay <= ?2 and lastDay >= ?1", firstDay, lastDay).firstResult();
    }

    public Uni<List<PeriodLock>> listOrdered() {
        return list("order by firstDay");
    }
}
