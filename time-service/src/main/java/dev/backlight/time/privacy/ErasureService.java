package dev.backlight.time.privacy;

import jakarta.enterprise.context.ApplicationScoped;

import dev.backlight.support.tenancy.Caller;
import dev.backlight.time.directory.EmployeeService;
import dev.backlight.time.entries.TimeEntryService;
import dev.backlight.time.interruptions.InterruptionService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * An employee's right to erasure, across this service's features in one transaction: the directory forgets who they
 * are, and the notes of their entries and interruptions go; their hours stay, so every aggregate is unchanged.
 */
@ApplicationScoped
public class ErasureService {

    private final EmployeeService employees;
    private final TimeEntryService entries;
    private final InterruptionService interruptions;
    private final Caller caller;

    ErasureService(EmployeeService employees, TimeEntryService entries, InterruptionService interruptions, Caller caller) {
        this.employees = employees;
        this.entries = entries;
        this.interruptions = interruptions;
        this.caller = caller;
    }

    @WithTransaction
    public Uni<ErasureView> erase(Long employeeId, String ifMatch) {
        String tenantId = caller.tenantId();
        return employees.erase(employeeId, ifMatch).chain(erased -> entries.forgetNotesOf(erased.employeeId(), tenantId)
                .chain(entryNotes -> interruptions.forgetNotesOf(erased.employeeId(), tenantId)
                        .map(interruptionNotes -> new ErasureView(erased.employeeId(), erased.erasedAt(), entryNotes,
                                interruptionNotes))));
    }
}
