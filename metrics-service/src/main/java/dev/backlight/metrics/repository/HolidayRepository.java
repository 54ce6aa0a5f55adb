package dev.backlight.metrics.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.domain.Holiday;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class HolidayRepository implements PanacheRepository<Holiday> {

    public Uni<List<Holiday>> listByDay() {
        return listAll(Sort.by("day"));
    }

    public Uni<Holiday> findByDay(LocalDate day) {
        return find("day", day).firstResult();
    }
}
