package dev.backlight.metrics.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.domain.RecurringDeadline;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RecurringDeadlineRepository implements PanacheRepository<RecurringDeadline> {

    public Uni<List<RecurringDeadline>> listByName() {
        return listAll(Sort.by("name"));
    }

    public Uni<RecurringDeadline> findByName(String name) {
        return find("name", name).firstResult();
    }
}
