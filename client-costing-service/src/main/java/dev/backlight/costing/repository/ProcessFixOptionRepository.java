package dev.backlight.costing.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.costing.domain.ProcessFixOption;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ProcessFixOptionRepository implements PanacheRepository<ProcessFixOption> {

    public Uni<List<ProcessFixOption>> all() {
        return find("order by name").list();
    }
}
