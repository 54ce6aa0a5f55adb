package dev.backlight.metrics.spikes;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class HolidayRepository implements PanacheRepository<Holiday> {

    public Uni<List<Holiday>> listByDay() {
        return listAll(Sort.by("day"));
    }

    public Uni<Holiday> findByDay(LocalDate day) {
        return find("day", day).firstResult();
    }
}
