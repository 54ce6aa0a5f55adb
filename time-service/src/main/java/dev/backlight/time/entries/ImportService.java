package dev.backlight.time.entries;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import dev.backlight.time.directory.EmployeeScope;
import dev.backlight.time.tenants.TenantProfile;
import dev.backlight.time.tenants.TenantService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Bulk import of time from other systems. A batch is all or nothing: the first row that breaks a rule fails the
 * whole batch with a problem naming the row, and nothing is written. Every row carries an externalRef, so running
 * the same import again skips what is already there instead of duplicating it.
 */
@ApplicationScoped
public class ImportService {

    public static final int MAX_ROWS = 10_000;

    @Inject
    TimeEntryService entryService;

    @Inject
    TimeEntryRepository entries;

    @Inject
    EmployeeScope employeeScope;

    @Inject
    TenantService tenantService;

    /** One imported entry; the employee is named by email, as other systems know them. */
    public record ImportRow(String externalRef, String employeeEmail, String functionCode, String clientCode,
            TimeRules.TimeInput time, String notes) {
    }

    public record Outcome(int imported, int alreadyPresent) {
    }

    @WithTransaction
    public Uni<Outcome> importRows(List<ImportRow> rows) {
        if (rows.isEmpty()) {
            throw ApiException.invalidField("rows", "must contain at least one entry");
        }
        if (rows.size() > MAX_ROWS) {
            throw ApiException.invalidField("rows", "must contain at most " + MAX_ROWS + " entries per batch");
        }
        return tenantService.current().chain(tenant -> {
            Uni<Outcome> chain = Uni.createFrom().item(new Outcome(0, 0));
            for (int i = 0; i < rows.size(); i++) {
                String at = "rows[" + i + "]";
                ImportRow row = rows.get(i);
                chain = chain.chain(outcome -> importRow(tenant, row)
                        .onFailure(ApiException.class).transform(e -> ((ApiException) e).under(at))
                        .map(added -> added
                                ? new Outcome(outcome.imported() + 1, outcome.alreadyPresent())
                                : new Outcome(outcome.imported(), outcome.alreadyPresent() + 1)));
            }
            return chain;
        });
    }

    private Uni<Boolean> importRow(TenantProfile tenant, ImportRow row) {
        if (row.externalRef() == null || row.externalRef().isBlank()) {
            throw ApiException.invalidField("externalRef", "is required so that a re-run import does not duplicate");
        }
        if (row.employeeEmail() == null || row.employeeEmail().isBlank()) {
            throw ApiException.invalidField("employeeEmail", "is required");
        }
        if (row.functionCode() == null || row.functionCode().isBlank()) {
            throw ApiException.invalidField("functionCode", "is required");
        }
        return employeeScope.forImportedTime(row.employeeEmail())
                .chain(employee -> entries.findByExternalRef(row.externalRef()).chain(existing -> {
                    var input = new TimeEntryService.EntryInput(employee.id(), row.functionCode(), blankToNull(row.clientCode()),
                            row.time(), row.notes(), row.externalRef());
                    if (existing != null) {
                        // A re-run of the same file skips its rows; a changed row under a known externalRef is a 409.
                        return entryService.replayed(tenant, employee, existing, input).replaceWith(false);
                    }
                    return entryService.insert(tenant, employee, input, EntrySource.IMPORT).replaceWith(true);
                }));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
