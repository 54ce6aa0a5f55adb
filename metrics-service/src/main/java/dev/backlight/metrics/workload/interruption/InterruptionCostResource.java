package dev.backlight.metrics.workload.interruption;

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

/** What interruptions cost, as JSON or CSV. */
@Path("/api/metrics/workload/interruption-cost")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workload")
public class InterruptionCostResource {

    private static final int LONGEST_PERIOD_DAYS = 366;

    private final InterruptionCostService interruptions;

    InterruptionCostResource(InterruptionCostService interruptions) {
        this.interruptions = interruptions;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getInterruptionCost", summary = "What interruptions cost in [from, to)", description = "Per employee and day: interruptions, "
            + "minutes spent on them, minutes lost with the context switch (low and high estimate) and their share of the "
            + "day's logged work; by kind with the seed's fix for each; week by week for the trend. As CSV (Accept: text/csv): interruption cost per employee and day.")
    public Uni<InterruptionCostService.Report> cost(@Valid @ValidRange(max = LONGEST_PERIOD_DAYS) @BeanParam DateRange range, @QueryParam("employeeId") Long employeeId) {
        return interruptions.cost(range.from(), range.to(), employeeId);
    }
}
