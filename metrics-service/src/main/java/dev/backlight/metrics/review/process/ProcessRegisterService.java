package dev.backlight.metrics.review.process;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The register of processes added and removed, so "adding process without removing process" shows up in reviews. */
@ApplicationScoped
public class ProcessRegisterService {

    public record NewChange(String functionCode, String name, ProcessChange.Change change, LocalDate effectiveOn,
            String replaces, BigDecimal hoursPerMonth, String note) {
    }

    private final ProcessChangeRepository changes;
    private final DirectoryService directory;
    private final Caller caller;
    private final Clock clock;

    ProcessRegisterService(ProcessChangeRepository changes, DirectoryService directory, Caller caller, Clock clock) {
        this.changes = changes;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    public Uni<ProcessChange> register(NewChange change) {
        if (change.change() == ProcessChange.Change.REMOVED && change.replaces() != null) {
            throw ApiException.invalidField("replaces", "applies to added processes only");
        }
        return directory.load().invoke(dir -> {
            if (!dir.functions().containsKey(change.functionCode())) {
                throw ApiException.unknownReference("functionCode", "function", change.functionCode());
            }
        }).chain(dir -> store(change));
    }

    @WithTransaction
    Uni<ProcessChange> store(NewChange input) {
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

    @WithSession
    public Uni<List<ProcessChange>> between(LocalDate from, LocalDate to) {
        return changes.effectiveBetween(from, to);
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return changes.findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("process change", id))
                .chain(changes::delete);
    }
}
