package dev.backlight.costing.overtime;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class ProcessFixOptionRepository implements PanacheRepository<ProcessFixOption> {

    public Uni<List<ProcessFixOption>> all() {
        return find("order by name").list();
    }
}
