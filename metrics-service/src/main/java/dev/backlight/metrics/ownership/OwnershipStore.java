package dev.backlight.metrics.ownership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.ownership.OwnershipService.Assignment;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What {@link OwnershipService} keeps in the database: each public method is one session or one transaction. */
@ApplicationScoped
class OwnershipStore {

    private final FunctionOwnershipRepository ownerships;
    private final Caller caller;
    private final Clock clock;

    OwnershipStore(FunctionOwnershipRepository ownerships, Caller caller, Clock clock) {
        this.ownerships = ownerships;
        this.caller = caller;
        this.clock = clock;
    }

    @WithSession
    public Uni<List<FunctionOwnership>> stored() {
        return ownerships.listByFunction();
    }

    @WithSession
    public Uni<FunctionOwnership> stored(String functionCode) {
        return ownerships.findByFunction(functionCode);
    }

    @WithTransaction
    public Uni<FunctionOwnership> store(String functionCode, Assignment assignment, String ifMatch) {
        return ownerships.lockAndFind(functionCode).chain(found -> {
            Versions.checkIfMatch(ifMatch, OwnershipService.versionOf(found));
            FunctionOwnership ownership = found != null ? found : new FunctionOwnership();
            ownership.functionCode = functionCode;
            ownership.ownerEmployeeId = assignment.ownerEmployeeId();
            ownership.backupEmployeeId = assignment.backupEmployeeId();
            ownership.handoffs = new FunctionOwnership.Handoffs(assignment.handoffs() == null ? List.of() : List.copyOf(assignment.handoffs()));
            ownership.definitionOfDone = assignment.definitionOfDone() == null || assignment.definitionOfDone().isBlank()
                    ? null : assignment.definitionOfDone().strip();
            ownership.updatedBy = caller.subject();
            ownership.updatedAt = Instant.now(clock);
            return ownerships.persist(ownership);
        });
    }
}
