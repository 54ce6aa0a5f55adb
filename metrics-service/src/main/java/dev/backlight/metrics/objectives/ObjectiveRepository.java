package dev.backlight.metrics.objectives;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.persistence.KeyLock;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class ObjectiveRepository implements PanacheRepository<Objective> {

    /** How many objectives the tenant has, counted with new ones held off until the transaction ends. */
    public Uni<Long> countForNewOne() {
        return getSession().chain(session -> KeyLock.acquire(session, "objective", "new")).chain(() -> count());
    }

    public Uni<List<Objective>> listByDueDate() {
        return listAll(Sort.by("dueDate").and("id"));
    }
}
