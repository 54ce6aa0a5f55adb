package dev.backlight.time.directory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class WorkFunctionRepository implements PanacheRepository<WorkFunction> {

    public Uni<WorkFunction> findByCode(String code) {
        return find("code", code).firstResult();
    }

    public Uni<List<WorkFunction>> listOrdered(boolean includeRetired) {
        return includeRetired ? list("order by id") : list("retiredAt is null order by id");
    }
}
