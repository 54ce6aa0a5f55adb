package dev.backlight.metrics.review.process;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The register of processes added and removed, so "adding process without removing process" shows up in reviews. */
@ApplicationScoped
public class ProcessRegisterService {

    public record NewChange(String functionCode, String name, ProcessChange.Change change, LocalDate effectiveOn,
            String replaces, BigDecimal hoursPerMonth, String note) {
    }

    private final ProcessStore store;
    private final ProcessChangeRepository changes;
    private final DirectoryService directory;

    ProcessRegisterService(ProcessChangeRepository changes, DirectoryService directory, ProcessStore store) {
        this.changes = changes;
        this.directory = directory;
        this.store = store;
    }

    public Uni<ProcessChange> register(NewChange change) {
        if (change.change() == ProcessChange.Change.REMOVED && change.replaces() != null) {
            throw ApiException.invalidField("replaces", "applies to added processes only");
        }
        return directory.checked(dir -> {
            if (!dir.functions().containsKey(change.functionCode())) {
                throw ApiException.unknownReference("functionCode", "function", change.functionCode());
            }
            return dir;
        }).chain(dir -> store.store(change));
    }

    @WithSession
    public Uni<List<ProcessChange>> between(LocalDate from, LocalDate to) {
        return changes.effectiveBetween(from, to);
    }

    /** A process added in a period without replacing or simplifying another: workload that only grows. */
    public record AddedWorkload(String functionCode, String name, LocalDate effectiveOn, BigDecimal hoursPerMonth) {
    }

    /** The processes effective in [from, to) that added workload without simplifying anything. */
    @WithSession
    public Uni<List<AddedWorkload>> addedWithoutSimplification(LocalDate from, LocalDate to) {
        return changes.effectiveBetween(from, to).map(list -> list.stream()
                .filter(ProcessChange::addsWorkloadWithoutSimplification)
                .map(c -> new AddedWorkload(c.functionCode, c.name, c.effectiveOn, c.hoursPerMonth))
                .toList());
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return changes.findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("process change", id))
                .chain(changes::delete);
    }
}
