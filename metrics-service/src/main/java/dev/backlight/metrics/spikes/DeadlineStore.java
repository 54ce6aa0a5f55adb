package dev.backlight.metrics.spikes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.metrics.spikes.SpikeCalendarService.DeadlineData;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** What {@link SpikeCalendarService} keeps in the database: each public method is one session or one transaction. */
@ApplicationScoped
class DeadlineStore {

    record Stored(List<RecurringDeadline> deadlines, List<Holiday> holidays) {
    }

    private final RecurringDeadlineRepository deadlines;
    private final HolidayRepository holidays;
    private final Caller caller;
    private final Clock clock;

    DeadlineStore(RecurringDeadlineRepository deadlines, HolidayRepository holidays, Caller caller, Clock clock) {
        this.deadlines = deadlines;
        this.holidays = holidays;
        this.caller = caller;
        this.clock = clock;
    }

    @WithSession
    public Uni<Stored> stored() {
        return deadlines.listByName().chain(list -> holidays.listByDay().map(days -> new Stored(list, days)));
    }

    @WithTransaction
    public Uni<RecurringDeadline> insert(DeadlineData data) {
        return deadlines.findByName(data.name().strip()).chain(found -> {
            if (found != null) {
                throw ApiException.conflict("deadline-exists", "A deadline named '" + found.name + "' exists", "id", found.id);
            }
            RecurringDeadline deadline = new RecurringDeadline();
            deadline.createdBy = caller.subject();
            deadline.createdAt = Instant.now(clock);
            apply(deadline, data);
            return deadlines.persist(deadline);
        });
    }

    @WithTransaction
    public Uni<RecurringDeadline> replace(long id, DeadlineData data, String ifMatch) {
        return deadlines.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("deadline", id))
                .invoke(existing -> Versions.checkIfMatch(ifMatch, existing.version))
                .call(existing -> deadlines.findByName(data.name().strip()).invoke(found -> {
                    if (found != null && !found.id.equals(existing.id)) {
                        throw ApiException.conflict("deadline-exists", "A deadline named '" + found.name + "' exists", "id", found.id);
                    }
                }))
                .invoke(existing -> apply(existing, data));
    }

    private static void apply(RecurringDeadline deadline, DeadlineData data) {
        deadline.name = data.name().strip();
        deadline.kind = data.kind();
        deadline.functionCode = data.functionCode();
        deadline.ownerEmployeeId = data.ownerEmployeeId();
        deadline.clientCode = data.clientCode();
        deadline.firstDate = data.firstDate();
        deadline.rrule = data.rrule().strip().replaceFirst("(?i)^RRULE:", "");
        deadline.runWorkingDays = data.runWorkingDays();
        deadline.expectedUnits = data.expectedUnits();
        deadline.nonWorkingDay = data.nonWorkingDay();
    }
}
