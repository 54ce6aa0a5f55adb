package dev.backlight.costing.policy;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.persistence.KeyLock;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class CostingPolicyRepository implements PanacheRepository<CostingPolicy> {

    /** The tenant's policy, or the defaults when it never set one. */
    public Uni<CostingPolicy> current() {
        return findAll().firstResult().map(found -> found != null ? found : CostingPolicy.defaults());
    }

    /** The stored policy (null when none), locked against a parallel first write. */
    public Uni<CostingPolicy> lockAndFind() {
        return getSession().chain(session -> KeyLock.acquire(session, "costing_policy", "policy"))
                .chain(() -> findAll().firstResult());
    }
}
