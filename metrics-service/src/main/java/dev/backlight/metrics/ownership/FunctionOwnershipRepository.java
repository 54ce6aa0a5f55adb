package dev.backlight.metrics.ownership;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.persistence.KeyLock;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class FunctionOwnershipRepository implements PanacheRepository<FunctionOwnership> {

    public Uni<List<FunctionOwnership>> listByFunction() {
        return listAll(Sort.by("functionCode"));
    }

    public Uni<FunctionOwnership> findByFunction(String functionCode) {
        return find("functionCode", functionCode).firstResult();
    }

    /** The function's record (null when none), locked against a parallel first write. */
    public Uni<FunctionOwnership> lockAndFind(String functionCode) {
        return getSession().chain(session -> KeyLock.acquire(session, "function_ownership", functionCode))
                .chain(() -> findByFunction(functionCode));
    }
}
