package dev.backlight.metrics.capture;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.Directory;
import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Records output units. References are checked against time-service before anything is written; a batch is all or
 * nothing; an externalRef makes a record idempotent, so a retried or re-run entry never counts twice.
 */
@ApplicationScoped
public class OutputService {

    public static final int MAX_BATCH = 1_000;

    /** One output record as entered; {@code periodEnd} is exclusive and defaults to the day after periodStart. */
    public record NewOutput(String functionCode, Long employeeId, String clientCode, LocalDate periodStart, LocalDate periodEnd,
            int units, Integer employeesCovered, String note, String externalRef) {

        /** The exclusive end: the one given, or the day after periodStart. */
        public LocalDate end() {
            return periodEnd != null ? periodEnd : periodStart.plusDays(1);
        }
    }

    /** The stored record, and whether this call created it (false: an earlier call with the same externalRef did). */
    public record Recorded(OutputRecord record, boolean created) {
    }

    private final OutputStore store;
    private final DirectoryService directory;
    private final Caller caller;
    private final Clock clock;

    OutputService(OutputStore store, DirectoryService directory, Caller caller, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    public Uni<Recorded> record(NewOutput output) {
        return directory.checked(dir -> {
            check(dir, output);
            return output;
        }).chain(store::store);
    }

    /** Stores every record of the batch, or none: the first invalid one fails it with its index in the field path. */
    public Uni<List<Recorded>> recordBatch(List<NewOutput> batch) {
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw ApiException.invalidField("outputs", "must hold 1 to " + MAX_BATCH + " records");
        }
        return directory.checked(dir -> {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    check(dir, batch.get(i));
                } catch (ApiException e) {
                    throw e.under("outputs[" + i + "]");
                }
            }
            return dir;
        }).chain(dir -> store.storeAll(batch));
    }

    private void check(Directory dir, NewOutput output) {
        dir.activeFunction(output.functionCode());
        dir.checkEmployee(output.employeeId());
        dir.checkClient(output.clientCode());
        if (!caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.MANAGER) && output.employeeId() == null) {
            throw ApiException.invalidField("employeeId", "is required: staff record their own output");
        }
        LocalDate end = output.end();
        if (!end.isAfter(output.periodStart())) {
            throw ApiException.invalidField("periodEnd", "must be after periodStart");
        }
        if (end.isAfter(LocalDate.now(clock).plusDays(2))) {
            throw ApiException.invalidField("periodEnd", "must not be in the future: record output once it is finished");
        }
        if (output.employeesCovered() != null && !"PAYROLL".equals(output.functionCode())) {
            throw ApiException.invalidField("employeesCovered", "applies to pay cycles (PAYROLL) only");
        }
    }

    public Uni<ListPage<OutputRecord>> search(LocalDate from, LocalDate to, String functionCode, Long employeeId, PageRequest page) {
        return store.search(from, to, functionCode, employeeId, page);
    }

    public Uni<Void> delete(long id) {
        return store.delete(id);
    }
}
