package dev.backlight.metrics.review.process;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.review.process.ProcessRegisterService.NewChange;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What {@link ProcessRegisterService} keeps in the database: each public method is one session or one transaction. */
@ApplicationScoped
class ProcessStore {

    private final ProcessChangeRepository changes;
    private final Caller caller;
    private final Clock clock;

    ProcessStore(ProcessChangeRepository changes, Caller caller, Clock clock) {
        this.changes = changes;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ProcessChange> store(NewChange input) {
        ProcessChange change = new ProcessChange();
        change.functionCode = input.functionCode();
        change.name = input.name();
        change.change = input.change();
        change.effectiveOn = input.effectiveOn();
        change.replaces = input.replaces() == null || input.replaces().isBlank() ? null : input.replaces();
        change.hoursPerMonth = input.hoursPerMonth();
        change.note = input.note();
        change.recordedBy = caller.subject();
        change.recordedAt = Instant.now(clock);
        return changes.persist(change);
    }
}
