package dev.backlight.metrics.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.domain.Objective;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ObjectiveRepository implements PanacheRepository<Objective> {

    public Uni<List<Objective>> listByDueDate() {
        return listAll(Sort.by("dueDate").and("id"));
    }
}
