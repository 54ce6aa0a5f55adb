package dev.backlight.time.entries;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.directory.CatalogService;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.tenants.TenantService;
import dev.backlight.time.timesheets.OpenPeriods;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Creating, changing, deleting and listing time entries. */
@ApplicationScoped
public class TimeEntryService {

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
    EntryExport entryExport;

    @Inject
    CaptureQueue captures;

    @Inject
    Caller caller;

    /** An entry as the caller describes it; employeeId null means the caller. */
    public record EntryInput(Long employeeId, String functionCode, String clientCode, TimeRules.TimeInput time,
            String notes, String externalRef) {
    }

    /** The entry as the API shows it, and whether this call created it. */
    public record Saved(TimeEntryView entry, boolean created) {
    }

    /** What to list: a range of work dates [from, to) and optional filters. */
    public record EntryFilter(LocalDate from, LocalDate to, Long employeeId, String functionCode, String clientCode,
            EntrySource source, Boolean needsReview) {
    }

    /**
     * Records an entry. Retrying with the same externalRef returns the entry already recorded instead of a
     * duplicate.
     */
    public Uni<Saved> create(EntryInput input, EntrySource source) {
        return captures.record(input, source);
    }

    /** Replaces an entry's function, client, times and notes; the same rules as creating, for old and new day. */
    @WithTransaction
    public Uni<Saved> update(Long id, EntryInput input, Long expectedVersion, String ifMatch) {
        return tenantService.current().chain(tenant -> findForChange(id).chain(entry -> {
            Versions.checkIfMatch(ifMatch, entry.version);
            if (expectedVersion != null && expectedVersion != entry.version) {
                throw ApiException.conflict("concurrent-change", "Entry " + id + " is at version " + entry.version
                        + ", not " + expectedVersion + "; read it again and retry", "currentVersion", entry.version);
            }
            if (entry.running()) {
                throw ApiException.conflict("timer-running", "Entry " + id + " is a running timer; stop it first",
                        "entryId", id);
            }
            return scope.forTimeChange(entry.employeeId).chain(employee -> {
                TimeRules.EntryTimes times = rules.interpret(input.time(), tenant, entry.zone);
                return openPeriods.checkDayOpen(tenant, employee.id(), entry.workDate)
                        .chain(() -> catalogService.functionIdForNewTime(input.functionCode()))
                        .chain(functionId -> catalogService.clientIdForNewTime(input.clientCode()).chain(clientId ->
                                rules.checkFits(tenant, employee.id(), times, entry.id).invoke(() -> {
                                    entry.functionId = functionId;
                                    entry.clientAccountId = clientId;
                                    TimeRules.applyTimes(entry, times);
                                    entry.notes = input.notes();
                                    entry.reviewReason = null;
                                    entry.updatedAt = rules.now();
                                })));
            }).replaceWith(entry);
        }))
                // Flushed here so that the answer carries the new version.
                .call(entry -> entries.flush())
                .map(entry -> saved(entry, input, false));
    }

    @WithTransaction
    public Uni<Void> delete(Long id, String ifMatch) {
        return tenantService.current().chain(tenant -> findForChange(id)
                .invoke(entry -> Versions.checkIfMatch(ifMatch, entry.version))
                .chain(entry -> scope.forTimeChange(entry.employeeId)
                        .chain(employee -> openPeriods.checkDayOpen(tenant, employee.id(), entry.workDate))
                        .chain(() -> entries.delete(entry))));
    }

    @WithSession
    public Uni<Saved> get(Long id) {
        return find(id).call(entry -> scope.forReading(entry.employeeId).onFailure(ApiException.class)
                        .transform(e -> ApiException.notFound("time entry", id)))
                .chain(entry -> entries.view(entry.id)).map(view -> new Saved(view, false));
    }

    /** One page of the entries the filter selects, newest first; staff get only their own. */
    @WithSession
    public Uni<ListPage<TimeEntryView>> list(EntryFilter filter, PageRequest page) {
        return restrictToCaller(filter).chain(scoped -> entries.page(scoped, page));
    }

    /**
     * Every entry the filter selects, streamed in (work date, id) order as the client reads it; staff get only their
     * own. The caller's scope is settled in a session of its own before the rows flow.
     */
    public Multi<TimeEntryView> export(EntryFilter filter) {
        String tenantId = caller.tenantId();
        return Panache.withSession(() -> restrictToCaller(filter))
                .onItem().transformToMulti(scoped -> entryExport.stream(tenantId, scoped));
    }

    /** Staff see only their own entries, whatever the filter says. */
    private Uni<EntryFilter> restrictToCaller(EntryFilter filter) {
        if (scope.seesWholeTenant()) {
            return Uni.createFrom().item(filter);
        }
        return scope.forReading(filter.employeeId()).map(me -> new EntryFilter(filter.from(), filter.to(), me.id(),
                filter.functionCode(), filter.clientCode(), filter.source(), filter.needsReview()));
    }

    /** The answer for an entry that now holds the input's function and client. */
    private static Saved saved(TimeEntry entry, EntryInput input, boolean created) {
        return new Saved(TimeEntryView.of(entry, input.functionCode(), input.clientCode()), created);
    }

    private Uni<TimeEntry> find(Long id) {
        return entries.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("time entry", id));
    }

    private Uni<TimeEntry> findForChange(Long id) {
        return find(id).call(entry -> scope.checkMayChange(entry.employeeId));
    }

    /** Removes the notes of an employee's entries (free text may name people); the times stay. Joins the caller's transaction. */
    @WithTransaction
    public Uni<Integer> forgetNotesOf(Long employeeId, String tenantId) {
        return entries.update("notes = null where employeeId = ?1 and tenantId = ?2 and notes is not null", employeeId,
                tenantId);
    }
}
