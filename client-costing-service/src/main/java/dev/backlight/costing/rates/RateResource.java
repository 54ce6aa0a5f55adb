package dev.backlight.costing.rates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/costing/rates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Labour rates", description = "Hourly back-office labour rates over time: the tenant's, a team's (role) or an employee's. "
        + "The most specific rate in force on a day costs that day's hours; the seed's $25 an hour applies until the tenant sets one.")
public class RateResource {

    private final RateService rates;

    RateResource(RateService rates) {
        this.rates = rates;
    }

    @Schema(name = "NewLabourRate")
    public record RateRequest(
            @NotNull @Schema(example = "TEAM") LabourRate.Scope scope,
            @Schema(description = "For EMPLOYEE rates", example = "12") Long employeeId,
            @Size(max = 100) @Schema(description = "For TEAM rates: the team (role) as in time-service", example = "Payroll") String team,
            @NotNull @Schema(example = "2026-03-16") LocalDate validFrom,
            @Schema(description = "Exclusive; open-ended when absent", example = "2027-01-01") LocalDate validTo,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 4) @Schema(example = "27.50") BigDecimal hourlyRate,
            @Size(min = 3, max = 3) @Schema(description = "Optional check: must be the tenant's currency", example = "USD") String currency) {
    }

    @Schema(name = "LabourRate")
    public record RateView(Long id, LabourRate.Scope scope, @Schema(description = "Employee id or team; empty for the tenant") String subject,
            LocalDate validFrom, LocalDate validTo, BigDecimal hourlyRate, String createdBy, Instant createdAt) {
        static RateView of(LabourRate r) {
            return new RateView(r.id, r.scope, r.subject, r.validFrom, r.validTo, r.hourlyRate, r.createdBy, r.createdAt);
        }
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    @Operation(operationId = "createLabourRate", summary = "Add a rate from a date", description = "If the subject's current rate is open-ended and started "
            + "earlier, it ends the day this one starts (a rate change). Any other overlap is a 409 naming the conflicting rate.")
    public Uni<RateView> create(@Valid @NotNull RateRequest r) {
        return rates.create(new RateService.NewRate(r.scope(), r.employeeId(), r.team(), r.validFrom(), r.validTo(), r.hourlyRate(),
                r.currency())).map(RateView::of);
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listLabourRates", summary = "Every rate of the tenant")
    public Uni<ListPage<RateView>> list(@Valid @BeanParam PageRequest page) {
        return rates.all().map(list -> ListPage.of(list, page).map(RateView::of));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(204)
    @Operation(operationId = "deleteLabourRate", summary = "Delete a rate")
    public Uni<Void> delete(@RestPath long id) {
        return rates.delete(id);
    }
}
