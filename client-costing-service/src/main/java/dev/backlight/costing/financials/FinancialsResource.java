package dev.backlight.costing.financials;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.MonthRange;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.rest.Versioned;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/costing")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Client financials", description = "Each client account's revenue and agent cost per month, in the tenant's currency")
public class FinancialsResource {

    private static final int LONGEST_MONTHS = 36;

    private final FinancialsService financials;

    FinancialsResource(FinancialsService financials) {
        this.financials = financials;
    }

    @Schema(name = "ClientMonthFigures")
    public record MonthRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) @Schema(example = "50000.00") BigDecimal revenue,
            @NotNull @DecimalMin("0") @Digits(integer = 14, fraction = 2) @Schema(example = "35000.00") BigDecimal agentCost,
            @Min(0) @Max(1_000_000) @Schema(description = "Agents serving the client that month (weighs agent-headcount allocation)",
                    example = "40") Integer agentHeadcount,
            @Size(min = 3, max = 3) @Schema(description = "Optional check: must be the tenant's currency", example = "USD") String currency) {
    }

    @Schema(name = "ClientMonth")
    public record MonthView(@Schema(example = "CLIENT-A") String clientCode, @Schema(example = "2026-03") YearMonth month,
            @Schema(example = "50000.00") BigDecimal revenue, @Schema(example = "35000.00") BigDecimal agentCost,
            @Schema(example = "40") Integer agentHeadcount, String updatedBy, Instant updatedAt,
            @Schema(description = "Changes with every change; its ETag goes in If-Match (\"0\" there: only if the month has no figures yet)",
                    example = "1") long version) implements Versioned {
        static MonthView of(ClientMonth m) {
            return new MonthView(m.clientCode, YearMonth.from(m.month), m.revenue, m.agentCost, m.agentHeadcount, m.updatedBy, m.updatedAt,
                    m.revision());
        }
    }

    @PUT
    @Path("/clients/{clientCode}/months/{month}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "setClientMonth", summary = "Set a client's revenue and agent cost for a month", description = "201 when the month is new, "
            + "200 when it replaced earlier figures. The client must exist in time-service; amounts are never negative.")
    public Uni<RestResponse<MonthView>> put(@RestPath String clientCode,
            @RestPath("month") @Parameter(example = "2026-03") YearMonth month, @Valid @NotNull MonthRequest request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return financials.put(clientCode, month, new FinancialsService.MonthFigures(request.revenue(), request.agentCost(),
                        request.agentHeadcount(), request.currency()), ifMatch)
                .map(saved -> RestResponse.status(saved.created() ? RestResponse.Status.CREATED : RestResponse.Status.OK,
                        MonthView.of(saved.month())));
    }

    @GET
    @Path("/financials")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listClientMonths", summary = "Client financials of the months from..to")
    public Uni<ListPage<MonthView>> list(@Valid @ValidRange(max = LONGEST_MONTHS, unit = ChronoUnit.MONTHS) @BeanParam MonthRange range, @Valid @BeanParam PageRequest page) {
        return financials.between(range.from(), range.to()).map(list -> ListPage.of(list, page).map(MonthView::of));
    }

    @DELETE
    @Path("/clients/{clientCode}/months/{month}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(204)
    @Operation(operationId = "deleteClientMonth", summary = "Remove a client's figures for a month")
    public Uni<Void> delete(@RestPath String clientCode, @RestPath("month") @Parameter(example = "2026-03") YearMonth month,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return financials.delete(clientCode, month, ifMatch);
    }
}
