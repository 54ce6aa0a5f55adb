package dev.backlight.costing.overtime;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.costing.overtime.OvertimeService.FixComparison;
import dev.backlight.costing.overtime.OvertimeService.OvertimeReport;
import dev.backlight.costing.overtime.OvertimeService;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Overtime against the process fixes that would avoid it, as JSON or CSV. */
@Path("/api/costing/overtime")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Costing reports")
public class OvertimeResource {

    private static final int LONGEST_OVERTIME_DAYS = 366;

    private final OvertimeService overtime;
    private final Caller caller;

    OvertimeResource(OvertimeService overtime, Caller caller) {
        this.overtime = overtime;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getOvertime", summary = "Overtime and what it costs, against the process fixes", description = "Hours beyond the weekly "
            + "threshold in the tenant's weeks (falling on the day the threshold is crossed), their cost at the multiplier "
            + "per week and per year, and each process-fix option's yearly cost against the value of the hours it saves. "
            + "The overtime of each employee is listed for managers and tenant admins only (empty for analysts). As CSV (Accept: text/csv): overtime per week.")
    public Uni<OvertimeReport> overtime(@Valid @ValidRange(max = LONGEST_OVERTIME_DAYS) @BeanParam DateRange range) {
        boolean seesPeople = caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.MANAGER);
        return overtime.overtime(range.from(), range.to())
                .map(report -> seesPeople ? report : report.withoutEmployees());
    }

    @GET
    @Path("/fixes")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getOvertimeFixes", summary = "Process fixes against the period's overtime", description = "As CSV (Accept: text/csv): process fixes against the period's overtime.")
    public Uni<List<FixComparison>> fixes(@Valid @ValidRange(max = LONGEST_OVERTIME_DAYS) @BeanParam DateRange range) {
        return overtime.overtime(range.from(), range.to()).map(OvertimeReport::fixes);
    }
}
