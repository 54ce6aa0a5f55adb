package dev.backlight.costing.rates;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.persistence.KeyLock;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class LabourRateRepository implements PanacheRepository<LabourRate> {

    public Uni<List<LabourRate>> all() {
        return find("order by scope, subject, validFrom").list();
    }

    /** The rates of one scope and subject, locked against a parallel change of the same ones. */
    public Uni<List<LabourRate>> lockAndFind(LabourRate.Scope scope, String subject) {
        return getSession().chain(session -> KeyLock.acquire(session, "labour_rate", scope + "/" + subject))
                .chain(() -> find("scope = ?1 and subject = ?2 order by validFrom", scope, subject).list());
    }
}
