package dev.backlight.metrics.spikes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.rest.ListPage;
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

@Path("/api/metrics/spikes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Spike calendar", description = "Recurring deadlines, holidays, expected load per owner and day, overlaps and staggering")
public class SpikeResource {

    private static final int LONGEST_WINDOW_DAYS = 366;

    private final SpikeCalendarService spikes;

    SpikeResource(SpikeCalendarService spikes) {
        this.spikes = spikes;
    }

    @Schema(name = "DeadlineRequest")
    public record DeadlineRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Semi-monthly payroll") String name,
            @NotNull @Schema(example = "PAY_DATE") RecurringDeadline.Kind kind,
            @NotBlank @Schema(example = "PAYROLL") String functionCode,
            @NotNull @Schema(description = "Who owns the run", example = "12") Long ownerEmployeeId,
            @Schema(description = "For a client-specific date", example = "CLIENT-A") String clientCode,
            @NotNull @Schema(description = "DTSTART: the first date the rule counts from", example = "2026-01-15") LocalDate firstDate,
            @NotBlank @Size(max = 500) @Schema(description = "RFC 5545 RRULE, daily or less often", example = "FREQ=MONTHLY;BYMONTHDAY=15,-1") String rrule,
            @NotNull @Min(1) @Max(20) @Schema(description = "Working days the run takes: before a pay date, up to and including any other deadline", example = "2") Integer runWorkingDays,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) @Schema(description = "Output units each occurrence brings (e.g. one pay cycle, 12 hires)", example = "1") BigDecimal expectedUnits,
            @NotNull @Schema(description = "When an occurrence falls on a holiday or the owner's day off", example = "EARLIER") RecurringDeadline.NonWorkingDay nonWorkingDay) {
        SpikeCalendarService.DeadlineData data() {
            return new SpikeCalendarService.DeadlineData(name, kind, functionCode, ownerEmployeeId, clientCode, firstDate, rrule,
                    runWorkingDays, expectedUnits, nonWorkingDay);
        }
    }

    @Schema(name = "Deadline")
    public record DeadlineView(Long id, String name, RecurringDeadline.Kind kind, String functionCode, Long ownerEmployeeId,
            String clientCode, LocalDate firstDate, String rrule, int runWorkingDays, BigDecimal expectedUnits,
            RecurringDeadline.NonWorkingDay nonWorkingDay, String createdBy, Instant createdAt,
            @Schema(description = "Changes with every change; its ETag goes in If-Match", example = "3") long version) implements Versioned {
        static DeadlineView of(RecurringDeadline d) {
            return new DeadlineView(d.id, d.name, d.kind, d.functionCode, d.ownerEmployeeId, d.clientCode, d.firstDate, d.rrule,
                    d.runWorkingDays, d.expectedUnits, d.nonWorkingDay, d.createdBy, d.createdAt, d.version);
        }
    }

    @Schema(name = "Holiday")
    public record HolidayView(@NotNull @Schema(example = "2026-12-25") LocalDate day,
            @NotBlank @Size(max = 200) @Schema(example = "Christmas Day") String name) {
        static HolidayView of(Holiday h) {
            return new HolidayView(h.day, h.name);
        }
    }

    /** One owner's expected load on one day, flat for BI: a line of the CSV. */
    @JsonPropertyOrder({"day", "ownerEmployeeId", "ownerName", "hours", "capacityHours", "deadlines"})
    @POST
    @Path("/deadlines")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(201)
    @Operation(operationId = "createDeadline", summary = "Add a recurring deadline", description = "409 when the name is taken.")
    public Uni<DeadlineView> create(@Valid @NotNull DeadlineRequest request) {
        return spikes.create(request.data()).map(DeadlineView::of);
    }

    @GET
    @Path("/deadlines")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listDeadlines", summary = "The tenant's recurring deadlines")
    public Uni<ListPage<DeadlineView>> list(@Valid @BeanParam PageRequest page) {
        return spikes.list().map(list -> ListPage.of(list, page).map(DeadlineView::of));
    }

    @GET
    @Path("/deadlines/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getDeadline", summary = "One recurring deadline")
    public Uni<DeadlineView> one(@RestPath long id) {
        return spikes.one(id).map(DeadlineView::of);
    }

    @PUT
    @Path("/deadlines/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @Operation(operationId = "updateDeadline", summary = "Change a recurring deadline", description = "Replaces every field.")
    public Uni<DeadlineView> update(@RestPath long id, @Valid @NotNull DeadlineRequest request, @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return spikes.update(id, request.data(), ifMatch).map(DeadlineView::of);
    }

    @DELETE
    @Path("/deadlines/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER})
    @ResponseStatus(204)
    @Operation(operationId = "deleteDeadline", summary = "Remove a recurring deadline")
    public Uni<Void> delete(@RestPath long id, @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return spikes.delete(id, ifMatch);
    }

    @GET
    @Path("/holidays")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listHolidays", summary = "The tenant's holidays")
    public Uni<ListPage<HolidayView>> holidays(@Valid @BeanParam PageRequest page) {
        return spikes.holidays().map(list -> ListPage.of(list, page).map(HolidayView::of));
    }

    @POST
    @Path("/holidays")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    @Operation(operationId = "addHoliday", summary = "List a holiday", description = "409 when the day is already listed.")
    public Uni<HolidayView> addHoliday(@Valid @NotNull HolidayView request) {
        return spikes.addHoliday(request.day(), request.name()).map(HolidayView::of);
    }

    @DELETE
    @Path("/holidays/{day}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(204)
    @Operation(operationId = "removeHoliday", summary = "Remove a holiday")
    public Uni<Void> removeHoliday(@RestPath LocalDate day) {
        return spikes.removeHoliday(day);
    }

    @GET
    @Path("/calendar")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getSpikeCalendar", summary = "The spike calendar of [from, to)", description = "Every occurrence of the recurring deadlines (moved off "
            + "holidays and days off as each says) with its run on the owner's working days and its expected hours: the "
            + "function's measured hours per unit x the expected units, spread evenly over the run. Time per unit is measured "
            + "over [measuredFrom, measuredTo), by default the 8 weeks before from, at most " + SpikeCalendarService.LONGEST_MEASURED_DAYS
            + " days; the window [from, to) spans at most " + LONGEST_WINDOW_DAYS + " days. Then the load per owner and day, the "
            + "days where one owner's runs overlap, and for each overlap the nearest move that clears it, with the load after it. "
            + "As CSV (Accept: text/csv): the expected load per owner and day.")
    public Uni<SpikeCalendarService.Report> calendar(@Valid @ValidRange(max = LONGEST_WINDOW_DAYS) @BeanParam DateRange range, @QueryParam("measuredFrom") LocalDate measuredFrom,
            @QueryParam("measuredTo") LocalDate measuredTo, @QueryParam("ownerEmployeeId") Long ownerEmployeeId) {
        return spikes.calendar(range.from(), range.to(), measuredFrom, measuredTo, ownerEmployeeId);
    }
}
