package dev.backlight.metrics.productivity.benchmark;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.persistence.KeyLock;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class BenchmarkOverrideRepository implements PanacheRepository<BenchmarkOverride> {

    /** The function's own bands (null when none), locked against a parallel first write. */
    public Uni<BenchmarkOverride> lockAndFind(String functionCode) {
        return getSession().chain(session -> KeyLock.acquire(session, "benchmark_override", functionCode))
                .chain(() -> findByFunction(functionCode));
    }

    public Uni<BenchmarkOverride> findByFunction(String functionCode) {
        return find("functionCode", functionCode).firstResult();
    }
}
