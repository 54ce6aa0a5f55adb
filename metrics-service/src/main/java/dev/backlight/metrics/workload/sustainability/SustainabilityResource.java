package dev.backlight.metrics.workload.sustainability;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Hours against contract, after-hours work and overload streaks, as JSON or CSV. */
@Path("/api/metrics/workload/sustainability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workload")
public class SustainabilityResource {

    /** Timed entries are read in whole weeks, a quarter at most. */
    private static final int LONGEST_DETAIL_DAYS = 84;

    private final SustainabilityService sustainability;

    SustainabilityResource(SustainabilityService sustainability) {
        this.sustainability = sustainability;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getSustainability", summary = "Hours against contract, after-hours work and overload streaks, in whole weeks covering [from, to)",
            description = "Per employee and week: hours worked (work dates in the tenant's zone), the contract, work outside the "
                    + "employee's working hours and days in their own zone; weeks over contract x the tenant's percent in a row; "
                    + "flags per employee and counts per team. Managers and tenant admins only. As CSV (Accept: text/csv): hours, contract and after-hours work per employee and week.")
    public Uni<SustainabilityService.Report> sustainability(@Valid @ValidRange(max = LONGEST_DETAIL_DAYS) @BeanParam DateRange range) {
        return sustainability.analyse(range.from(), range.to());
    }
}
