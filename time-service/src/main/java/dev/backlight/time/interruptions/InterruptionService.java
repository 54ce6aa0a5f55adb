package dev.backlight.time.interruptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.entries.TimeRules;
import dev.backlight.time.tenants.TenantService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Interruptions of back-office work; they feed the interruption-cost analysis in metrics-service. */
@ApplicationScoped
public class InterruptionService {

    @Inject
    InterruptionRepository interruptions;

    @Inject
    TimeRules rules;

    @Inject
    EmployeeScope scope;

    @Inject
    TenantService tenantService;

    @WithTransaction
    public Uni<Interruption> log(Long employeeId, Instant occurredAt, String zone, InterruptionKind kind, int minutes,
            String note) {
        Instant when = occurredAt == null ? rules.now() : occurredAt.truncatedTo(ChronoUnit.SECONDS);
        if (when.isAfter(rules.now().plusSeconds(120))) {
            throw ApiException.invalidField("occurredAt", "is in the future");
        }
        return tenantService.current().chain(tenant -> scope.forTimeChange(employeeId).chain(employee -> {
            String captureZone = zone == null ? employee.timeZone() : zone;
            FieldChecks.zone("zone", captureZone);
            Interruption interruption = new Interruption();
            interruption.employeeId = employee.id();
            interruption.occurredAt = when;
            interruption.zone = captureZone;
            interruption.workDate = tenant.workDate(when);
            interruption.kind = kind;
            interruption.minutes = minutes;
            interruption.note = note;
            interruption.createdAt = rules.now();
            return interruptions.persist(interruption);
        }));
    }

    @WithSession
    public Uni<List<Interruption>> list(Long employeeId, LocalDate from, LocalDate to) {
        Uni<Long> who = employeeId == null && scope.seesWholeTenant()
                ? Uni.createFrom().nullItem()
                : scope.forReading(employeeId).map(e -> e.id());
        return who.chain(id -> id == null
                ? interruptions.list("workDate >= ?1 and workDate < ?2 order by occurredAt", from, to)
                : interruptions.list("employeeId = ?1 and workDate >= ?2 and workDate < ?3 order by occurredAt", id, from, to));
    }

    /** Removes the notes of an employee's interruptions; kinds and minutes stay. Joins the caller's transaction. */
    @WithTransaction
    public Uni<Integer> forgetNotesOf(Long employeeId, String tenantId) {
        return interruptions.update("note = null where employeeId = ?1 and tenantId = ?2 and note is not null", employeeId,
                tenantId);
    }
}
