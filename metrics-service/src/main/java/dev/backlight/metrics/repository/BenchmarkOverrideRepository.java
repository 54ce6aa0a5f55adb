package dev.backlight.metrics.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.domain.BenchmarkOverride;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class BenchmarkOverrideRepository implements PanacheRepository<BenchmarkOverride> {

    public Uni<BenchmarkOverride> findByFunction(String functionCode) {
        return find("functionCode", functionCode).firstResult();
    }
}
