package dev.backlight.metrics.spikes;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class RecurringDeadlineRepository implements PanacheRepository<RecurringDeadline> {

    public Uni<List<RecurringDeadline>> listByName() {
        return listAll(Sort.by("name"));
    }

    public Uni<RecurringDeadline> findByName(String name) {
        return find("name", name).firstResult();
    }
}
