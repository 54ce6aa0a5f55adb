package dev.backlight.metrics.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.upstream.Directory;
import dev.backlight.metrics.upstream.DirectoryService;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
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
    }

    /** The stored record, and whether this call created it (false: an earlier call with the same externalRef did). */
    public record Recorded(OutputRecord record, boolean created) {
    }

    private final OutputRepository outputs;
    private final DirectoryService directory;
    private final Caller caller;
    private final Clock clock;

    OutputService(OutputRepository outputs, DirectoryService directory, Caller caller, Clock clock) {
        this.outputs = outputs;
        this.directory = directory;
        this.caller = caller;
        this.clock = clock;
    }

    public Uni<Recorded> record(NewOutput output) {
        return directory.load().invoke(dir -> check(dir, output)).chain(dir -> store(output));
    }

    /** Stores every record of the batch, or none: the first invalid one fails it with its index in the field path. */
    public Uni<List<Recorded>> recordBatch(List<NewOutput> batch) {
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            throw ApiException.invalidField("outputs", "must hold 1 to " + MAX_BATCH + " records");
        }
        return directory.load().invoke(dir -> {
            for (int i = 0; i < batch.size(); i++) {
                try {
                    check(dir, batch.get(i));
                } catch (ApiException e) {
                    throw e.under("outputs[" + i + "]");
                }
            }
        }).chain(dir -> storeAll(batch));
    }

    @WithTransaction
    Uni<Recorded> store(NewOutput output) {
        return insertUnlessPresent(output);
    }

    @WithTransaction
    Uni<List<Recorded>> storeAll(List<NewOutput> batch) {
        Uni<List<Recorded>> chain = Uni.createFrom().item(new java.util.ArrayList<>());
        for (NewOutput output : batch) {
            chain = chain.chain(done -> insertUnlessPresent(output).map(recorded -> {
                done.add(recorded);
                return done;
            }));
        }
        return chain;
    }

    @WithSession
    public Uni<List<OutputRecord>> search(LocalDate from, LocalDate to, String functionCode, Long employeeId, int page, int size) {
        return outputs.search(from, to, functionCode, employeeId, Page.of(page, size));
    }

    @WithTransaction
    public Uni<Void> delete(long id) {
        return outputs.findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("output", id))
                .chain(outputs::delete);
    }

    private Uni<Recorded> insertUnlessPresent(NewOutput output) {
        Uni<OutputRecord> existing = output.externalRef() == null
                ? Uni.createFrom().nullItem()
                : outputs.lockAndFindByExternalRef(output.externalRef());
        return existing.chain(found -> {
            if (found != null) {
                if (!isReplay(found, output)) {
                    throw ApiException.externalRefReused(output.externalRef(), found.id);
                }
                return Uni.createFrom().item(new Recorded(found, false));
            }
            OutputRecord record = new OutputRecord();
            record.functionCode = output.functionCode();
            record.employeeId = output.employeeId();
            record.clientCode = output.clientCode();
            record.periodStart = output.periodStart();
            record.periodEnd = periodEnd(output);
            record.units = output.units();
            record.employeesCovered = output.employeesCovered();
            record.note = output.note();
            record.externalRef = output.externalRef();
            record.recordedBy = caller.subject();
            record.recordedAt = Instant.now(clock);
            return outputs.persist(record).map(stored -> new Recorded(stored, true));
        });
    }

    private void check(Directory dir, NewOutput output) {
        dir.activeFunction(output.functionCode());
        dir.checkEmployee(output.employeeId());
        dir.checkClient(output.clientCode());
        if (!caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.MANAGER) && output.employeeId() == null) {
            throw ApiException.invalidField("employeeId", "is required: staff record their own output");
        }
        LocalDate end = periodEnd(output);
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

    /** The stored record is what this very request, sent again by the same recorder, would have stored. */
    private boolean isReplay(OutputRecord found, NewOutput output) {
        return caller.subject().equals(found.recordedBy) && Objects.equals(found.functionCode, output.functionCode())
                && Objects.equals(found.employeeId, output.employeeId()) && Objects.equals(found.clientCode, output.clientCode())
                && Objects.equals(found.periodStart, output.periodStart()) && Objects.equals(found.periodEnd, periodEnd(output))
                && found.units == output.units() && Objects.equals(found.employeesCovered, output.employeesCovered())
                && Objects.equals(found.note, output.note());
    }

    private static LocalDate periodEnd(NewOutput output) {
        return output.periodEnd() != null ? output.periodEnd() : output.periodStart().plusDays(1);
    }
}
