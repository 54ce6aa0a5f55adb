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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import dev.backlight.metrics.domain.WorkloadSetting;
import dev.backlight.metrics.service.ContextSwitchService;
import dev.backlight.metrics.service.InterruptionCostService;
import dev.backlight.metrics.service.SustainabilityService;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.rest.Versioned;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/metrics/workload")
@Tag(name = "Workload", description = "Interruption cost, context switching and batching, sustainability, and the settings behind them")
public class WorkloadResource {

    private static final int LONGEST_PERIOD_DAYS = 366;

    /** Timed entries are read in whole weeks, a quarter at most. */
    private static final int LONGEST_DETAIL_DAYS = 84;

    private final InterruptionCostService interruptions;
    private final ContextSwitchService switching;
    private final SustainabilityService sustainability;

    WorkloadResource(InterruptionCostService interruptions, ContextSwitchService switching, SustainabilityService sustainability) {
        this.interruptions = interruptions;
        this.switching = switching;
        this.sustainability = sustainability;
    }

    @Schema(name = "WorkloadSettingsChange")
    public record SettingsRequest(
            @NotNull @Min(0) @Max(120) @Schema(description = "Context-switch cost of one interruption, low end", example = "10") Integer contextSwitchMinutesLow,
            @NotNull @Min(0) @Max(120) @Schema(description = "High end", example = "15") Integer contextSwitchMinutesHigh,
            @Min(1) @Max(480) @Schema(description = "Uninterrupted stretches shorter than this count as fragments; unchanged when absent", example = "30") Integer shortBlockMinutes,
            @Min(100) @Max(200) @Schema(description = "A week is over the threshold above this percent of the contracted hours", example = "110") Integer overContractPercent,
            @Min(0) @Max(3000) @Schema(description = "After-hours minutes a week above which the week is flagged", example = "120") Integer afterHoursMinutesPerWeek,
            @Min(1) @Max(26) @Schema(description = "Weeks over the threshold in a row that make a sustained overload", example = "3") Integer overloadStreakWeeks) {
    }

    @Schema(name = "WorkloadSettings")
    public record SettingsView(
            @Schema(description = "Context-switch cost of one interruption, low end", example = "10") int contextSwitchMinutesLow,
            @Schema(description = "High end", example = "15") int contextSwitchMinutesHigh,
            @Schema(description = "Uninterrupted stretches shorter than this count as fragments", example = "30") int shortBlockMinutes,
            @Schema(description = "A week is over the threshold above this percent of the contracted hours", example = "110") int overContractPercent,
            @Schema(description = "After-hours minutes a week above which the week is flagged", example = "120") int afterHoursMinutesPerWeek,
            @Schema(description = "Weeks over the threshold in a row that make a sustained overload", example = "3") int overloadStreakWeeks,
            @Schema(description = "0 until the tenant sets its own, then changes with every change; its ETag goes in If-Match",
                    example = "1") long version) implements Versioned {
        static SettingsView of(WorkloadSetting s) {
            return new SettingsView(s.contextSwitchMinutesLow, s.contextSwitchMinutesHigh, s.shortBlockMinutes, s.overContractPercent,
                    s.afterHoursMinutesPerWeek, s.overloadStreakWeeks, s.revision());
        }
    }

    @GET
    @Path("/interruption-cost")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getInterruptionCost", summary = "What interruptions cost in [from, to)", description = "Per employee and day: interruptions, "
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
    @Path("/context-switching")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getContextSwitching", summary = "Context switching and a batching plan in [from, to)", description = "From the order of each "
            + "employee's timed entries: switches between functions per day, average uninterrupted stretch (interruptions cut "
            + "stretches; same-function entries under 5 minutes apart join), time in stretches shorter than the tenant's "
            + "threshold; and, for people on several functions, a weekly plan giving each function the half-days where most of "
            + "its hours already fall. Entries logged as a bare duration have no order and are not counted.")
    public Uni<ContextSwitchService.Report> contextSwitching(@Valid @BeanParam DateRange range, @QueryParam("employeeId") Long employeeId) {
        return switching.analyse(range.from(), range.to(LONGEST_DETAIL_DAYS), employeeId);
    }

    @GET
    @Path("/context-switching")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(summary = "Context switching per employee and day as CSV")
    public Uni<String> contextSwitchingCsv(@Valid @BeanParam DateRange range, @QueryParam("employeeId") Long employeeId) {
        return contextSwitching(range, employeeId).map(report -> Csv.write(ContextSwitchService.Day.class, report.days()));
    }

    @GET
    @Path("/sustainability")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "getSustainability", summary = "Hours against contract, after-hours work and overload streaks, in whole weeks covering [from, to)",
            description = "Per employee and week: hours worked (work dates in the tenant's zone), the contract, work outside the "
                    + "employee's working hours and days in their own zone; weeks over contract x the tenant's percent in a row; "
                    + "flags per employee and counts per team. Managers and tenant admins only.")
    public Uni<SustainabilityService.Report> sustainability(@Valid @BeanParam DateRange range) {
        return sustainability.analyse(range.from(), range.to(LONGEST_DETAIL_DAYS));
    }

    @GET
    @Path("/sustainability")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(summary = "Hours, contract and after-hours work per employee and week as CSV")
    public Uni<String> sustainabilityCsv(@Valid @BeanParam DateRange range) {
        return sustainability(range).map(report -> Csv.write(SustainabilityService.Week.class,
                report.employees().stream().flatMap(e -> e.weeks().stream()).toList()));
    }

    @GET
    @Path("/settings")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getWorkloadSettings", summary = "The tenant's workload settings", description = "Until set, the seed's 10-15 minutes per context switch.")
    public Uni<SettingsView> settings() {
        return interruptions.currentSettings().map(SettingsView::of);
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "setWorkloadSettings", summary = "Set the tenant's workload settings")
    public Uni<SettingsView> update(@Valid @NotNull SettingsRequest request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return interruptions.update(new InterruptionCostService.Settings(request.contextSwitchMinutesLow(), request.contextSwitchMinutesHigh(),
                request.shortBlockMinutes(), request.overContractPercent(), request.afterHoursMinutesPerWeek(), request.overloadStreakWeeks()), ifMatch)
                .map(SettingsView::of);
    }
}
