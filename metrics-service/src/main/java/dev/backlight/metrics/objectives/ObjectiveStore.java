package dev.backlight.metrics.objectives;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.objectives.ObjectiveService.ObjectiveData;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What {@link ObjectiveService} keeps in the database: each public method is one session or one transaction. */
@ApplicationScoped
class ObjectiveStore {

    private final ObjectiveRepository objectives;
    private final Caller caller;
    private final Clock clock;

    ObjectiveStore(ObjectiveRepository objectives, Caller caller, Clock clock) {
        this.objectives = objectives;
        this.caller = caller;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Objective> insert(ObjectiveData data) {
        return objectives.countForNewOne().chain(count -> {
            if (count >= ObjectiveService.MAX_OBJECTIVES) {
                throw ApiException.conflict("objective-limit", "A tenant keeps at most " + ObjectiveService.MAX_OBJECTIVES
                        + " objectives, each measured whenever they are read; delete finished ones first", "limit", ObjectiveService.MAX_OBJECTIVES);
            }
            Objective objective = new Objective();
            objective.createdBy = caller.subject();
            objective.createdAt = Instant.now(clock);
            apply(objective, data);
            return objectives.persist(objective);
        });
    }

    @WithTransaction
    public Uni<Objective> replace(long id, ObjectiveData data, String ifMatch) {
        return objectives.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("objective", id))
                .invoke(existing -> Versions.checkIfMatch(ifMatch, existing.version))
                .invoke(existing -> apply(existing, data));
    }

    private static void apply(Objective objective, ObjectiveData data) {
        objective.title = data.title().strip();
        objective.functionCode = data.functionCode();
        objective.metric = data.metric();
        objective.target = data.target();
        objective.direction = data.direction();
        objective.startDate = data.startDate();
        objective.dueDate = data.dueDate();
        objective.ownerEmployeeId = data.ownerEmployeeId();
    }
}
