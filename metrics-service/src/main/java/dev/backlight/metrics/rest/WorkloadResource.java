package dev.backlight.metrics.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.backlight.metrics.domain.WorkloadSetting;
import dev.backlight.metrics.service.InterruptionCostService;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/metrics/workload")
@Tag(name = "Workload", description = "Interruption cost and the workload settings behind it")
public class WorkloadResource {

    private static final int LONGEST_PERIOD_DAYS = 366;

    private final InterruptionCostService interruptions;

    WorkloadResource(InterruptionCostService interruptions) {
        this.interruptions = interruptions;
    }

    @Schema(name = "WorkloadSettings")
    public record SettingsView(
            @NotNull @Min(0) @Max(120) @Schema(description = "Context-switch cost of one interruption, low end", example = "10") Integer contextSwitchMinutesLow,
            @NotNull @Min(0) @Max(120) @Schema(description = "High end", example = "15") Integer contextSwitchMinutesHigh) {
        static SettingsView of(WorkloadSetting s) {
            return new SettingsView(s.contextSwitchMinutesLow, s.contextSwitchMinutesHigh);
        }
    }

    @GET
    @Path("/interruption-cost")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "What interruptions cost in [from, to)", description = "Per employee and day: interruptions, "
            + "minutes spent on them, minutes lost with the context switch (low and high estimate) and their share of the "
            + "day's logged work; by kind with the seed's fix for each; week by week for the trend.")
    public Uni<InterruptionCostService.Report> cost(@Valid @BeanParam DateRange range, @QueryParam("employeeId") Long employeeId) {
        return interruptions.cost(range.from(), range.to(LONGEST_PERIOD_DAYS), employeeId);
    }

    @GET
    @Path("/interruption-cost")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Interruption cost per employee and day as CSV")
    public Uni<String> costCsv(@Valid @BeanParam DateRange range, @QueryParam("employeeId") Long employeeId) {
        return interruptions.cost(range.from(), range.to(LONGEST_PERIOD_DAYS), employeeId)
                .map(report -> Csv.write(InterruptionCostService.Day.class, report.days()));
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "The tenant's workload settings", description = "Until set, the seed's 10-15 minutes per context switch.")
    public Uni<SettingsView> settings() {
        return interruptions.currentSettings().map(SettingsView::of);
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(summary = "Set the tenant's workload settings")
    public Uni<SettingsView> update(@Valid @NotNull SettingsView request) {
        return interruptions.update(request.contextSwitchMinutesLow(), request.contextSwitchMinutesHigh()).map(SettingsView::of);
    }
}
