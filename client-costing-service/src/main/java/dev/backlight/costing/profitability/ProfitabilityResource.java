package dev.backlight.costing.profitability;

import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.costing.profitability.ProfitabilityService.ClientLoad;
import dev.backlight.costing.profitability.ProfitabilityService.Profitability;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.MonthRange;
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Client profitability and the back-office load behind it, as JSON or CSV. */
@Path("/api/costing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Costing reports", description = "Client profitability, back-office load per client and overtime against process fixes (JSON or CSV)")
public class ProfitabilityResource {

    private static final int LONGEST_MONTHS = 36;

    private final ProfitabilityService profitability;

    ProfitabilityResource(ProfitabilityService profitability) {
        this.profitability = profitability;
    }

    @GET
    @Path("/profitability")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getClientProfitability", summary = "Client profitability for whole months", description = "Per client: revenue, agent cost, direct "
            + "and allocated back-office hours costed at the rates in force each day, the true gross margin and the "
            + "apparent margin without back-office cost. Amounts are rounded to the currency's minor unit only here. At most "
            + "36 months, holding at most " + ProfitabilityService.MAX_RATE_PERIODS + " periods of unchanged labour rates. As CSV (Accept: text/csv): one line per client.")
    public Uni<Profitability> profitability(@Valid @ValidRange(max = LONGEST_MONTHS, unit = ChronoUnit.MONTHS) @BeanParam MonthRange range) {
        return profitability.profitability(range.from(), range.to());
    }

    @GET
    @Path("/client-load")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getClientLoad", summary = "Back-office hours per client by function", description = "Which client's reporting, invoicing, "
            + "QA or compliance load is heavy, and the multi-client overhead ratio against the policy's single-client baseline. As CSV (Accept: text/csv): back-office hours per client by function.")
    public Uni<ClientLoad> clientLoad(@Valid @ValidRange(max = LONGEST_MONTHS, unit = ChronoUnit.MONTHS) @BeanParam MonthRange range) {
        return profitability.clientLoad(range.from(), range.to());
    }
}
