package dev.backlight.time.entries;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.directory.CatalogService;
import dev.backlight.time.directory.EmployeeRef;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.tenants.TenantProfile;
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
    @WithTransaction
    public Uni<Saved> create(EntryInput input, EntrySource source) {
        return tenantService.current().chain(tenant -> scope.forTimeChange(input.employeeId())
                .chain(employee -> existingByRef(input.externalRef()).chain(existing -> existing != null
                        ? replayed(tenant, employee, existing, input).map(entry -> saved(entry, input, false))
                        : insert(tenant, employee, input, source).map(entry -> saved(entry, input, true)))));
    }

    /** Inserts an entry for an employee whose row the caller has already locked. */
    private Uni<TimeEntry> insert(TenantProfile tenant, EmployeeRef employee, EntryInput input, EntrySource source) {
        TimeRules.EntryTimes times = rules.interpret(input.time(), tenant, employee.timeZone());
        return catalogService.functionIdForNewTime(input.functionCode())
                .chain(functionId -> catalogService.clientIdForNewTime(input.clientCode()).chain(clientId ->
                        rules.checkFits(tenant, employee.id(), times, TimeEntryRepository.NONE).chain(() -> {
                            TimeEntry entry = new TimeEntry();
                            entry.employeeId = employee.id();
                            entry.functionId = functionId;
                            entry.clientAccountId = clientId;
                            TimeRules.applyTimes(entry, times);
                            entry.source = source;
                            entry.notes = input.notes();
                            entry.externalRef = input.externalRef();
                            entry.createdAt = rules.now();
                            entry.updatedAt = entry.createdAt;
                            return entries.persist(entry);
                        })));
    }

    /**
     * The entry stored under the input's externalRef, when the input is the very request that stored it (the same
     * employee, function, client, times and notes); anything else reusing the externalRef is a 409.
     */
    private Uni<TimeEntry> replayed(TenantProfile tenant, EmployeeRef employee, TimeEntry existing, EntryInput input) {
        if (!existing.employeeId.equals(employee.id())) {
            return Uni.createFrom().failure(ApiException.externalRefReused(input.externalRef(), existing.id));
        }
        TimeRules.EntryTimes times = rules.interpret(input.time(), tenant, employee.timeZone());
        return catalogService.functionIdForNewTime(input.functionCode()).chain(functionId -> catalogService.clientIdForNewTime(input.clientCode())
                .map(clientId -> {
                    boolean same = functionId.equals(existing.functionId)
                            && Objects.equals(clientId, existing.clientAccountId)
                            && Objects.equals(times.startedAt(), existing.startedAt) && Objects.equals(times.endedAt(), existing.endedAt)
                            && times.workDate().equals(existing.workDate)
                            && Objects.equals(times.durationSeconds(), existing.durationSeconds)
                            && Objects.equals(input.notes(), existing.notes);
                    if (!same) {
                        throw ApiException.externalRefReused(input.externalRef(), existing.id);
                    }
                    return existing;
                }));
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

    private Uni<TimeEntry> existingByRef(String externalRef) {
        return externalRef == null ? Uni.createFrom().nullItem() : entries.findByExternalRef(externalRef);
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
