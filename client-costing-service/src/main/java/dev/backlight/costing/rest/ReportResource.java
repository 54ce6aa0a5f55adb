package dev.backlight.costing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.backlight.costing.service.OvertimeService;
import dev.backlight.costing.service.OvertimeService.FixComparison;
import dev.backlight.costing.service.OvertimeService.OvertimeReport;
import dev.backlight.costing.service.ProfitabilityService;
import dev.backlight.costing.service.ProfitabilityService.ClientLoad;
import dev.backlight.costing.service.ProfitabilityService.ClientProfit;
import dev.backlight.costing.service.ProfitabilityService.FunctionLoad;
import dev.backlight.costing.service.ProfitabilityService.Profitability;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.tenancy.Caller;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/costing")
@Tag(name = "Costing reports", description = "Client profitability, back-office load per client and overtime against process fixes (JSON or CSV)")
public class ReportResource {

    private static final int LONGEST_OVERTIME_DAYS = 366;

    private final ProfitabilityService profitability;
    private final OvertimeService overtime;
    private final Caller caller;

    ReportResource(ProfitabilityService profitability, OvertimeService overtime, Caller caller) {
        this.profitability = profitability;
        this.overtime = overtime;
        this.caller = caller;
    }

    @GET
    @Path("/profitability")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getClientProfitability", summary = "Client profitability for whole months", description = "Per client: revenue, agent cost, direct "
            + "and allocated back-office hours costed at the rates in force each day, the true gross margin and the "
            + "apparent margin without back-office cost. Amounts are rounded to the currency's minor unit only here. At most "
            + "36 months, holding at most " + ProfitabilityService.MAX_RATE_PERIODS + " periods of unchanged labour rates.")
    public Uni<Profitability> profitability(@Valid @BeanParam MonthRange range) {
        return profitability.profitability(range.from(), range.to());
    }

    @GET
    @Path("/profitability")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Client profitability as CSV", description = "One line per client.")
    public Uni<String> profitabilityCsv(@Valid @BeanParam MonthRange range) {
        return profitability.profitability(range.from(), range.to())
                .map(report -> Csv.write(ClientProfitRow.class, report.clients().stream().map(ClientProfitRow::of).toList()));
    }

    @GET
    @Path("/client-load")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getClientLoad", summary = "Back-office hours per client by function", description = "Which client's reporting, invoicing, "
            + "QA or compliance load is heavy, and the multi-client overhead ratio against the policy's single-client baseline.")
    public Uni<ClientLoad> clientLoad(@Valid @BeanParam MonthRange range) {
        return profitability.clientLoad(range.from(), range.to());
    }

    @GET
    @Path("/client-load")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Back-office hours per client by function as CSV")
    public Uni<String> clientLoadCsv(@Valid @BeanParam MonthRange range) {
        return profitability.clientLoad(range.from(), range.to()).map(load -> Csv.write(FunctionLoad.class, load.functions()));
    }

    @GET
    @Path("/overtime")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getOvertime", summary = "Overtime and what it costs, against the process fixes", description = "Hours beyond the weekly "
            + "threshold in the tenant's weeks (falling on the day the threshold is crossed), their cost at the multiplier "
            + "per week and per year, and each process-fix option's yearly cost against the value of the hours it saves. "
            + "The overtime of each employee is listed for managers and tenant admins only (empty for analysts).")
    public Uni<OvertimeReport> overtime(@Valid @BeanParam DateRange range) {
        boolean seesPeople = caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.MANAGER);
        return overtime.overtime(range.from(), range.to(LONGEST_OVERTIME_DAYS))
                .map(report -> seesPeople ? report : report.withoutEmployees());
    }

    @GET
    @Path("/overtime")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Overtime per week as CSV")
    public Uni<String> overtimeCsv(@Valid @BeanParam DateRange range) {
        return overtime.overtime(range.from(), range.to(LONGEST_OVERTIME_DAYS))
                .map(report -> Csv.write(OvertimeService.Week.class, report.weeks()));
    }

    @GET
    @Path("/overtime/fixes")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getOvertimeFixes", summary = "Process fixes against the period's overtime")
    public Uni<List<FixComparison>> fixes(@Valid @BeanParam DateRange range) {
        return overtime.overtime(range.from(), range.to(LONGEST_OVERTIME_DAYS)).map(OvertimeReport::fixes);
    }

    @GET
    @Path("/overtime/fixes")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Process fixes against the period's overtime as CSV")
    public Uni<String> fixesCsv(@Valid @BeanParam DateRange range) {
        return overtime.overtime(range.from(), range.to(LONGEST_OVERTIME_DAYS))
                .map(report -> Csv.write(FixComparison.class, report.fixes()));
    }
}
