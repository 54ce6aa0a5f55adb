package dev.backlight.metrics.review.process;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class ProcessChangeRepository implements PanacheRepository<ProcessChange> {

    /** Changes effective in [from, to), oldest first. */
    public Uni<List<ProcessChange>> effectiveBetween(LocalDate from, LocalDate to) {
        return list("effectiveOn >= ?1 and effectiveOn < ?2 order by effectiveOn, id", from, to);
    }
}
