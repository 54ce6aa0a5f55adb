package dev.backlight.costing.profitability;


import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.costing.profitability.ProfitabilityService.ClientLoad;
import dev.backlight.costing.profitability.ProfitabilityService.FunctionLoad;
import dev.backlight.costing.profitability.ProfitabilityService.Profitability;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.MonthRange;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Client profitability and the back-office load behind it, as JSON or CSV. */
@Path("/api/costing")
@Tag(name = "Costing reports", description = "Client profitability, back-office load per client and overtime against process fixes (JSON or CSV)")
public class ProfitabilityResource {

    private final ProfitabilityService profitability;

    ProfitabilityResource(ProfitabilityService profitability) {
        this.profitability = profitability;
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
}
