package dev.backlight.time.timers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.problem.FieldChecks;
import dev.backlight.time.directory.CatalogService;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.entries.EntrySource;
import dev.backlight.time.entries.EntryViews;
import dev.backlight.time.entries.TimeEntry;
import dev.backlight.time.entries.TimeEntryRepository;
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
 * flagged for review rather than kept as an impossible entry.
 */
@ApplicationScoped
public class TimerService {

    @Inject
    TimeEntryRepository entries;

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

    @Inject
    EntryViews views;

    /** The timer started, and the one it stopped (or null). */
    public record Started(TimeEntryView started, TimeEntryView stopped) {
    }

    private record Switched(TimeEntry started, TimeEntry stopped) {
    }

    /** The running timer of an employee (null when none) as of {@code now}. */
    public record Running(TimeEntryView entry, Instant now) {
        public boolean overLimit() {
            return entry != null && Duration.between(entry.startedAt(), now).compareTo(TimeRules.MAX_ENTRY) > 0;
        }
    }

    @WithTransaction
    public Uni<Started> start(Long employeeId, String functionCode, String clientCode, String notes, String zone) {
        return tenantService.current().chain(tenant -> scope.forTimeChange(employeeId).chain(employee -> {
            // Read the clock only once the employee's lock is held, so timers follow the order they were granted in.
            Instant now = rules.now();
            String captureZone = zone == null ? employee.timeZone : zone;
            FieldChecks.zone("zone", captureZone);
            return catalogService.functionIdForNewTime(functionCode).chain(functionId -> catalogService.clientIdForNewTime(clientCode)
                    .chain(clientId -> entries.findRunning(employee.id)
                            .chain(running -> running == null ? Uni.createFrom().<TimeEntry>nullItem() : close(running, now))
                            .call(() -> openPeriods.checkDayOpen(tenant, employee.id, tenant.workDate(now)))
                            .call(() -> rules.checkNoOverlap(employee.id, now, null, TimeEntryRepository.NONE))
                            .chain(stopped -> {
                                TimeEntry timer = new TimeEntry();
                                timer.employeeId = employee.id;
                                timer.functionId = functionId;
                                timer.clientAccountId = clientId;
                                timer.startedAt = now;
                                timer.zone = captureZone;
                                timer.workDate = tenant.workDate(now);
                                timer.source = EntrySource.TIMER;
                                timer.notes = notes;
                                timer.createdAt = now;
                                timer.updatedAt = now;
                                return entries.persist(timer).map(started -> new Switched(started, stopped));
                            })));
        })).call(() -> entries.flush())
                .chain(switched -> views.of(switched.started()).chain(started -> views.of(switched.stopped())
                        .map(stopped -> new Started(started, stopped))));
    }

    @WithTransaction
    public Uni<TimeEntryView> stop(Long employeeId) {
        return scope.forTimeChange(employeeId)
                .chain(employee -> entries.findRunning(employee.id).onItem().ifNull()
                        .failWith(() -> ApiException.conflict("no-timer", "No timer is running for employee " + employee.id,
                                "employeeId", employee.id)))
                .chain(running -> close(running, rules.now()))
                .call(() -> entries.flush())
                .chain(views::of);
    }

    @WithSession
    public Uni<Running> current(Long employeeId) {
        return scope.forReading(employeeId).chain(employee -> entries.findRunning(employee.id))
                .chain(views::of).map(entry -> new Running(entry, rules.now()));
    }

    /** Every running timer of the tenant: "what is being worked on right now". */
    @WithSession
    public Uni<List<Running>> allRunning() {
        Instant now = rules.now();
        return entries.listRunning().chain(views::of).map(list -> list.stream().map(entry -> new Running(entry, now)).toList());
    }

    /**
     * Ends a running timer at {@code now}, or at the 24 h mark with a review flag when it ran longer. A timer
     * stopped within its first second recorded nothing and is discarded.
     */
    private Uni<TimeEntry> close(TimeEntry running, Instant now) {
        Instant limit = running.startedAt.plus(TimeRules.MAX_ENTRY);
        Instant end = now.isAfter(limit) ? limit : now;
        if (!end.isAfter(running.startedAt)) {
            // Flushed at once: Hibernate would otherwise insert the next timer before deleting this one, and the
            // one-running-timer index would reject it.
            return entries.delete(running).call(() -> entries.flush()).replaceWith(Uni.createFrom().nullItem());
        }
        running.endedAt = end;
        running.durationSeconds = (int) Duration.between(running.startedAt, end).getSeconds();
        running.updatedAt = now;
        if (now.isAfter(limit)) {
            running.reviewReason = TimeEntry.TIMER_OVER_LIMIT;
        }
        return Uni.createFrom().item(running);
    }
}
