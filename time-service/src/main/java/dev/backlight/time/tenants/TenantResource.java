package dev.backlight.time.tenants;

import java.time.DayOfWeek;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
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

@Path("/api/time")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants", description = "Tenants (call centers and BPOs), their profile and their operation size over time")
public class TenantResource {

    @Inject
    TenantService tenantService;

    @Schema(name = "NewTenant", description = "A tenant to provision; its id is the tenant claim its users' tokens carry")
    public record NewTenant(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be 2-63 lower-case letters, digits or hyphens")
            @Schema(example = "northwind-bpo") String id,
            @NotBlank @Size(max = 200) @Schema(example = "Northwind BPO") String name,
            @NotBlank @Schema(example = "America/New_York") String timeZone,
            @NotBlank @Schema(example = "USD") String currency,
            @Schema(description = "First day of the tenant's week; MONDAY when absent", example = "MONDAY") DayOfWeek weekStart,
            @NotNull @Min(0) @Max(1_000_000) @Schema(description = "Front-line agents today", example = "50") Integer agents,
            @NotNull @Min(0) @Max(1_000_000) @Schema(description = "All employees today", example = "65") Integer employees) {
    }

    @Schema(name = "TenantSettings")
    public record TenantSettingsRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Northwind BPO") String name,
            @NotBlank @Schema(example = "America/New_York") String timeZone,
            @NotBlank @Schema(example = "USD") String currency,
            @Schema(example = "MONDAY") DayOfWeek weekStart) {
    }

    @Schema(name = "Tenant")
    public record TenantView(
            @Schema(example = "northwind-bpo") String id,
            @Schema(example = "Northwind BPO") String name,
            @Schema(example = "America/New_York") String timeZone,
            @Schema(example = "USD") String currency,
            @Schema(example = "MONDAY") DayOfWeek weekStart,
            @Schema(description = "Changes with every change; its ETag goes in If-Match", example = "3") long version) implements Versioned {
        static TenantView of(TenantProfile t) {
            return new TenantView(t.id(), t.name(), t.timeZone(), t.currency(), t.weekStart(), t.version());
        }
    }

    @Schema(name = "HeadcountChange")
    public record HeadcountRequest(
            @NotNull @Schema(example = "2026-03-01") LocalDate effectiveFrom,
            @NotNull @Min(0) @Max(1_000_000) @Schema(example = "50") Integer agents,
            @NotNull @Min(0) @Max(1_000_000) @Schema(example = "65") Integer employees) {
    }

    @Schema(name = "Headcount", description = "The operation's size from effectiveFrom until the next change")
    public record HeadcountView(
            @Schema(example = "2026-03-01") LocalDate effectiveFrom,
            @Schema(example = "50") int agents,
            @Schema(example = "65") int employees) {
        static HeadcountView of(Headcount h) {
            return new HeadcountView(h.effectiveFrom, h.agents, h.employees);
        }
    }

    @POST
    @Path("/tenants")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @ResponseStatus(201)
    @Operation(operationId = "createTenant", summary = "Provision a tenant", description = "Creates the tenant with the standard functions catalog "
            + "and its first headcount. Platform administrators only; 409 if the id is taken.")
    public Uni<TenantView> provision(@Valid @NotNull NewTenant request) {
        return tenantService.provision(request.id(),
                        new TenantService.TenantSettings(request.name(), request.timeZone(), request.currency(), request.weekStart()),
                        request.agents(), request.employees())
                .map(TenantView::of);
    }

    @GET
    @Path("/tenants")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(operationId = "listTenants", summary = "List all tenants", description = "Platform administrators only.")
    public Uni<ListPage<TenantView>> listTenants(@Valid @BeanParam PageRequest page) {
        return tenantService.listAll().map(list -> ListPage.of(list, page).map(TenantView::of));
    }

    @GET
    @Path("/tenant")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ANALYST})
    @Operation(operationId = "getTenant", summary = "The caller's tenant profile", description = "Time zone, currency and week start that all "
            + "day and week buckets use.")
    public Uni<TenantView> current() {
        return tenantService.current().map(TenantView::of);
    }

    @PUT
    @Path("/tenant")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "updateTenant", summary = "Change the tenant profile", description = "A new time zone applies to time captured from "
            + "now on; days already captured keep the day they were captured in. Send If-Match with the ETag you read: 412 "
            + "when the profile changed since.")
    public Uni<TenantView> update(@Valid @NotNull TenantSettingsRequest request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return tenantService.update(new TenantService.TenantSettings(request.name(), request.timeZone(),
                request.currency(), request.weekStart()), ifMatch).map(TenantView::of);
    }

    @GET
    @Path("/tenant/headcount")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listHeadcount", summary = "Headcount history", description = "Every effective-dated change of the operation's size, oldest first.")
    public Uni<ListPage<HeadcountView>> headcountHistory(@Valid @BeanParam PageRequest page) {
        return tenantService.headcountHistory().map(list -> ListPage.of(list, page).map(HeadcountView::of));
    }

    @GET
    @Path("/tenant/headcount/effective")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getEffectiveHeadcount", summary = "Headcount in force on a day", description = "Benchmarks scale by this operation size.")
    public Uni<HeadcountView> headcountOn(@QueryParam("date") @NotNull LocalDate date) {
        return tenantService.headcountOn(date).map(HeadcountView::of);
    }

    @PUT
    @Path("/tenant/headcount")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "setHeadcount", summary = "Set the headcount from a date on", description = "Idempotent: the same call twice changes nothing.")
    public Uni<HeadcountView> setHeadcount(@Valid @NotNull HeadcountRequest request) {
        return tenantService.setHeadcount(request.effectiveFrom(), request.agents(), request.employees())
                .map(HeadcountView::of);
    }
}
