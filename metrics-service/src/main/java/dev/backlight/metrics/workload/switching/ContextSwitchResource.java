package dev.backlight.metrics.workload.switching;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Context switching and the batching plan, as JSON or CSV. */
@Path("/api/metrics/workload/context-switching")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workload")
public class ContextSwitchResource {

    /** Timed entries are read in whole weeks, a quarter at most. */
    private static final int LONGEST_DETAIL_DAYS = 84;

    private final ContextSwitchService switching;

    ContextSwitchResource(ContextSwitchService switching) {
        this.switching = switching;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getContextSwitching", summary = "Context switching and a batching plan in [from, to)", description = "From the order of each "
            + "employee's timed entries: switches between functions per day, average uninterrupted stretch (interruptions cut "
            + "stretches; same-function entries under 5 minutes apart join), time in stretches shorter than the tenant's "
            + "threshold; and, for people on several functions, a weekly plan giving each function the half-days where most of "
            + "its hours already fall. Entries logged as a bare duration have no order and are not counted. As CSV (Accept: text/csv): context switching per employee and day.")
    public Uni<ContextSwitchService.Report> contextSwitching(@Valid @ValidRange(max = LONGEST_DETAIL_DAYS) @BeanParam DateRange range, @QueryParam("employeeId") Long employeeId) {
        return switching.analyse(range.from(), range.to(), employeeId);
    }
}
