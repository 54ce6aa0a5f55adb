package dev.backlight.time.entries;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.Versions;
import dev.backlight.time.directory.Catalog;
import dev.backlight.time.directory.CatalogService;
import dev.backlight.time.directory.Employee;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.tenants.Tenant;
import dev.backlight.time.tenants.TenantService;
import dev.backlight.time.timesheets.OpenPeriods;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Page;
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

    /** An entry as the caller describes it; employeeId null means the caller. */
    public record EntryInput(Long employeeId, String functionCode, String clientCode, TimeRules.TimeInput time,
            String notes, String externalRef) {
    }

    public record Saved(TimeEntry entry, Catalog catalog, boolean created) {
    }

    public record Listed(List<TimeEntry> entries, Catalog catalog, long total) {
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
                .chain(employee -> existingByRef(input.externalRef(), employee).chain(existing -> existing != null
                        ? replayed(tenant, employee, existing, input).map(entry -> new Saved(entry, null, false))
                        : insert(tenant, employee, input, source).map(entry -> new Saved(entry, null, true)))))
                .chain(saved -> catalogService.load().map(catalog -> new Saved(saved.entry(), catalog, saved.created())));
    }

    /** Inserts an entry for an employee whose row the caller has already locked. */
    Uni<TimeEntry> insert(Tenant tenant, Employee employee, EntryInput input, EntrySource source) {
        TimeRules.EntryTimes times = rules.interpret(input.time(), tenant, employee.timeZone);
        return catalogService.functionIdForNewTime(input.functionCode())
                .chain(functionId -> catalogService.clientIdForNewTime(input.clientCode()).chain(clientId ->
                        rules.checkFits(tenant, employee.id, times, TimeEntryRepository.NONE).chain(() -> {
                            TimeEntry entry = new TimeEntry();
                            entry.employeeId = employee.id;
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
    Uni<TimeEntry> replayed(Tenant tenant, Employee employee, TimeEntry existing, EntryInput input) {
        if (!existing.employeeId.equals(employee.id)) {
            return Uni.createFrom().failure(ApiException.externalRefReused(input.externalRef(), existing.id));
        }
        TimeRules.EntryTimes times = rules.interpret(input.time(), tenant, employee.timeZone);
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
                return openPeriods.checkDayOpen(tenant, employee.id, entry.workDate)
                        .chain(() -> catalogService.functionIdForNewTime(input.functionCode()))
                        .chain(functionId -> catalogService.clientIdForNewTime(input.clientCode()).chain(clientId ->
                                rules.checkFits(tenant, employee.id, times, entry.id).invoke(() -> {
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
                .chain(entry -> catalogService.load().map(catalog -> new Saved(entry, catalog, false)));
    }

    @WithTransaction
    public Uni<Void> delete(Long id, String ifMatch) {
        return tenantService.current().chain(tenant -> findForChange(id)
                .invoke(entry -> Versions.checkIfMatch(ifMatch, entry.version))
                .chain(entry -> scope.forTimeChange(entry.employeeId)
                        .chain(employee -> openPeriods.checkDayOpen(tenant, employee.id, entry.workDate))
                        .chain(() -> entries.delete(entry))));
    }

    @WithSession
    public Uni<Saved> get(Long id) {
        return find(id).call(entry -> scope.forReading(entry.employeeId).onFailure(ApiException.class)
                        .transform(e -> ApiException.notFound("time entry", id)))
                .chain(entry -> catalogService.load().map(catalog -> new Saved(entry, catalog, false)));
    }

    @WithSession
    public Uni<Listed> list(EntryFilter filter, int page, int size) {
        return restrictToCaller(filter).chain(scoped -> catalogService.load().chain(catalog -> {
            Query query = query(scoped, catalog);
            if (query == null) {
                return Uni.createFrom().item(new Listed(List.of(), catalog, 0));
            }
            var panacheQuery = entries.find(query.where + " order by workDate desc, startedAt desc nulls last, id desc",
                    query.parameters);
            return panacheQuery.page(Page.of(page, size)).list()
                    .chain(list -> entries.count(query.where, query.parameters).map(total -> new Listed(list, catalog, total)));
        }));
    }

    /** One page of entries after the given id, oldest id first: the unit of a streamed export. */
    @WithSession
    public Uni<Listed> exportPage(EntryFilter filter, long afterId, int size) {
        return restrictToCaller(filter).chain(scoped -> catalogService.load().chain(catalog -> {
            Query query = query(scoped, catalog);
            if (query == null) {
                return Uni.createFrom().item(new Listed(List.of(), catalog, 0));
            }
            Map<String, Object> parameters = new HashMap<>(query.parameters);
            parameters.put("afterId", afterId);
            return entries.find(query.where + " and id > :afterId order by id", parameters)
                    .page(Page.ofSize(size)).list().map(list -> new Listed(list, catalog, list.size()));
        }));
    }

    /** Staff see only their own entries, whatever the filter says. */
    private Uni<EntryFilter> restrictToCaller(EntryFilter filter) {
        if (scope.seesWholeTenant()) {
            return Uni.createFrom().item(filter);
        }
        return scope.forReading(filter.employeeId()).map(me -> new EntryFilter(filter.from(), filter.to(), me.id,
                filter.functionCode(), filter.clientCode(), filter.source(), filter.needsReview()));
    }

    private record Query(String where, Map<String, Object> parameters) {
    }

    /** The where clause for a filter; null when it names a function or client that does not exist. */
    private static Query query(EntryFilter filter, Catalog catalog) {
        StringBuilder where = new StringBuilder("workDate >= :from and workDate < :to");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("from", filter.from());
        parameters.put("to", filter.to());
        if (filter.employeeId() != null) {
            where.append(" and employeeId = :employeeId");
            parameters.put("employeeId", filter.employeeId());
        }
        if (filter.functionCode() != null) {
            Long functionId = catalog.functionId(filter.functionCode());
            if (functionId == null) {
                return null;
            }
            where.append(" and functionId = :functionId");
            parameters.put("functionId", functionId);
        }
        if (filter.clientCode() != null) {
            Long clientId = catalog.clientId(filter.clientCode());
            if (clientId == null) {
                return null;
            }
            where.append(" and clientAccountId = :clientId");
            parameters.put("clientId", clientId);
        }
        if (filter.source() != null) {
            where.append(" and source = :source");
            parameters.put("source", filter.source());
        }
        if (filter.needsReview() != null) {
            where.append(filter.needsReview() ? " and reviewReason is not null" : " and reviewReason is null");
        }
        return new Query(where.toString(), parameters);
    }

    private Uni<TimeEntry> existingByRef(String externalRef, Employee employee) {
        return externalRef == null ? Uni.createFrom().nullItem() : entries.findByExternalRef(externalRef);
    }

    private Uni<TimeEntry> find(Long id) {
        return entries.findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("time entry", id));
    }

    private Uni<TimeEntry> findForChange(Long id) {
        return find(id).call(entry -> scope.checkMayChange(entry.employeeId));
    }
}
