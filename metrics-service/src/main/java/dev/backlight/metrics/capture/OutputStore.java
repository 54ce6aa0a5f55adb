package dev.backlight.metrics.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.capture.OutputService.NewOutput;
import dev.backlight.metrics.capture.OutputService.Recorded;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Output records in the database: each public method is one session or one transaction. */
@ApplicationScoped
class OutputStore {

    private final OutputRepository outputs;
    private final Caller caller;
    private final Clock clock;

    OutputStore(OutputRepository outputs, Caller caller, Clock clock) {
        this.outputs = outputs;
        this.caller = caller;
        this.clock = clock;
    }

    /** Stores one record, or finds the one its externalRef already holds. */
    @WithTransaction
    public Uni<Recorded> store(NewOutput output) {
        return insertUnlessPresent(output);
    }

    /** Stores every record of a batch in one transaction: all or none. */
    @WithTransaction
    public Uni<List<Recorded>> storeAll(List<NewOutput> batch) {
        Uni<List<Recorded>> chain = Uni.createFrom().item(new ArrayList<>());
        for (NewOutput output : batch) {
            chain = chain.chain(done -> insertUnlessPresent(output).map(recorded -> {
                done.add(recorded);
                return done;
            }));
        }
        return chain;
    }

    @WithSession
    public Uni<ListPage<OutputRecord>> search(LocalDate from, LocalDate to, String functionCode, Long employeeId, PageRequest page) {
        return outputs.search(from, to, functionCode, employeeId, page);
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
            record.periodEnd = output.end();
            record.units = output.units();
            record.employeesCovered = output.employeesCovered();
            record.note = output.note();
            record.externalRef = output.externalRef();
            record.recordedBy = caller.subject();
            record.recordedAt = Instant.now(clock);
            return outputs.persist(record).map(stored -> new Recorded(stored, true));
        });
    }

    /** The stored record is what this very request, sent again by the same recorder, would have stored. */
    private boolean isReplay(OutputRecord found, NewOutput output) {
        return caller.subject().equals(found.recordedBy) && Objects.equals(found.functionCode, output.functionCode())
                && Objects.equals(found.employeeId, output.employeeId()) && Objects.equals(found.clientCode, output.clientCode())
                && Objects.equals(found.periodStart, output.periodStart()) && Objects.equals(found.periodEnd, output.end())
                && found.units == output.units() && Objects.equals(found.employeesCovered, output.employeesCovered())
                && Objects.equals(found.note, output.note());
    }
}
