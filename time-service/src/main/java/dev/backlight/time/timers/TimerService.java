package dev.backlight.time.timers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.FieldChecks;
import dev.backlight.time.directory.CatalogService;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.entries.EntryLedger;
import dev.backlight.time.entries.TimeEntryView;
import dev.backlight.time.entries.TimeRules;
import dev.backlight.time.tenants.TenantService;
import dev.backlight.time.timesheets.OpenPeriods;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Timers: at most one running per employee. Starting one stops the running one at the same instant, so the two
 * entries meet exactly ([start, end) intervals). A timer left running past 24 h is closed at the 24 h mark and
 * flagged for review rather than kept as an impossible entry. The entries themselves are the entries feature's
 * ({@link EntryLedger}).
 */
@ApplicationScoped
public class TimerService {

    @Inject
    EntryLedger ledger;

    @Inject
    TimeRules rules;

    @Inject
    EmployeeScope scope;

    @Inject
    TenantService tenantService;

    @Inject
    CatalogService catalogService;

    @Inject
    OpenPeriods openPeriods;

    /** The running timer of an employee (null when none) as of {@code now}. */
    public record Running(TimeEntryView entry, Instant now) {
        public boolean overLimit() {
            return entry != null && Duration.between(entry.startedAt(), now).compareTo(TimeRules.MAX_ENTRY) > 0;
        }
    }

    @WithTransaction
    public Uni<EntryLedger.TimerStart> start(Long employeeId, String functionCode, String clientCode, String notes, String zone) {
        return tenantService.current().chain(tenant -> scope.forTimeChange(employeeId).chain(employee -> {
            // Read the clock only once the employee's lock is held, so timers follow the order they were granted in.
            Instant now = rules.now();
            String captureZone = zone == null ? employee.timeZone() : zone;
            FieldChecks.zone("zone", captureZone);
            LocalDate workDate = tenant.workDate(now);
            return catalogService.functionIdForNewTime(functionCode).chain(functionId -> catalogService.clientIdForNewTime(clientCode)
                    .call(() -> openPeriods.checkDayOpen(tenant, employee.id(), workDate))
                    .chain(clientId -> ledger.startTimer(new EntryLedger.NewTimer(employee.id(), functionId, functionCode,
                            clientId, clientCode, now, captureZone, workDate, notes))));
        }));
    }

    @WithTransaction
    public Uni<TimeEntryView> stop(Long employeeId) {
        return scope.forTimeChange(employeeId).chain(employee -> ledger.stopTimer(employee.id(), rules.now()));
    }

    @WithSession
    public Uni<Running> current(Long employeeId) {
        return scope.forReading(employeeId).chain(employee -> ledger.runningTimer(employee.id()))
                .map(entry -> new Running(entry, rules.now()));
    }

    /** Every running timer of the tenant: "what is being worked on right now". */
    @WithSession
    public Uni<List<Running>> allRunning() {
        Instant now = rules.now();
        return ledger.runningTimers().map(list -> list.stream().map(entry -> new Running(entry, now)).toList());
    }
}
