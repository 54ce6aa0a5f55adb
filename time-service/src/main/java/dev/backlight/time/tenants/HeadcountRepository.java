package dev.backlight.time.tenants;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class HeadcountRepository implements PanacheRepository<Headcount> {

    /** The headcount in force on a day: the latest one effective on or before it. */
    public Uni<Headcount> effectiveOn(LocalDate day) {
        return find("effectiveFrom <= ?1 order by effectiveFrom desc", day).firstResult();
    }

    public Uni<Headcount> findByEffectiveFrom(LocalDate day) {
        return find("effectiveFrom", day).firstResult();
    }

    public Uni<List<Headcount>> history() {
        return list("order by effectiveFrom");
    }
}
