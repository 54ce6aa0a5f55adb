package dev.backlight.time.timesheets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.tenancy.Roles;
import dev.backlight.time.entries.TimeEntryView;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/time/timesheets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timesheets", description = "Weekly timesheets derived from the entries: submit, approve or reject, reopen")
public class TimesheetResource {

    @Inject
    TimesheetService timesheetService;

    @Schema(name = "TimesheetRejection")
    public record Rejection(@NotBlank @Size(max = 2000) @Schema(example = "Tuesday's payroll block looks doubled") String reason) {
    }

    @Schema(name = "Timesheet", description = "One employee's week: totals derived from the entries, and its review state")
    public record WeekView(
            @Schema(example = "12") Long employeeId,
            @Schema(example = "2026-03-09") LocalDate weekStart,
            @Schema(example = "SUBMITTED") TimesheetStatus status,
            @Schema(description = "Minutes per day of the week (days without time are absent)") Map<LocalDate, Double> minutesByDay,
            @Schema(description = "Minutes per function code") Map<String, Double> minutesByFunction,
            @Schema(example = "2400") double totalMinutes,
            @Schema(description = "Running timers and entries flagged for review; submission needs none") long unresolvedEntries,
            Instant submittedAt, String submittedBy, Instant decidedAt, String decidedBy,
            @Schema(example = "Tuesday's payroll block looks doubled") String rejectionReason,
            List<TimeEntryView> entries) {

        static WeekView of(TimesheetService.Week week) {
            Map<LocalDate, Double> byDay = new TreeMap<>();
            Map<String, Double> byFunction = new TreeMap<>();
            double total = 0;
            long unresolved = 0;
            for (TimeEntryView e : week.entries()) {
                if (e.running() || e.reviewReason() != null) {
                    unresolved++;
                }
                if (e.durationMinutes() != null) {
                    byDay.merge(e.workDate(), e.durationMinutes(), Double::sum);
                    byFunction.merge(e.functionCode(), e.durationMinutes(), Double::sum);
                    total += e.durationMinutes();
                }
            }
            Timesheet t = week.timesheet();
            return new WeekView(week.employee().id(), week.weekStart(), week.status(), byDay, byFunction, total, unresolved,
                    t == null ? null : t.submittedAt, t == null ? null : t.submittedBy,
                    t == null ? null : t.decidedAt, t == null ? null : t.decidedBy, t == null ? null : t.rejectionReason,
                    week.entries());
        }
    }

    @Schema(name = "TimesheetSummary")
    public record SummaryView(Long employeeId, LocalDate weekStart, TimesheetStatus status, Instant submittedAt,
            Instant decidedAt, String rejectionReason) {
        static SummaryView of(Timesheet t) {
            return new SummaryView(t.employeeId, t.weekStart, t.status, t.submittedAt, t.decidedAt, t.rejectionReason);
        }
    }

    @GET
    @RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "listTimesheets", summary = "Timesheets of a week", description = "Those ever submitted, optionally in one state: the approval queue.")
    public Uni<ListPage<SummaryView>> list(@QueryParam("weekStart") @NotNull LocalDate weekStart,
            @QueryParam("status") TimesheetStatus status, @Valid @BeanParam PageRequest page) {
        return timesheetService.list(weekStart, status).map(list -> ListPage.of(list.stream().sorted(Comparator.comparing((Timesheet t) -> t.employeeId)).toList(), page).map(SummaryView::of));
    }

    @GET
    @Path("/{employeeId}/{weekStart}")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "getTimesheet", summary = "One employee's week", description = "weekStart must be the tenant's first day of the week.")
    public Uni<WeekView> week(@RestPath Long employeeId, @RestPath LocalDate weekStart) {
        return timesheetService.week(employeeId, weekStart).map(WeekView::of);
    }

    @POST
    @Path("/{employeeId}/{weekStart}/submit")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "submitTimesheet", summary = "Submit a week for approval", description = "From OPEN or REJECTED; refused while a timer "
            + "runs or an entry is flagged for review. Its time is frozen until it is rejected or reopened.")
    public Uni<WeekView> submit(@RestPath Long employeeId, @RestPath LocalDate weekStart) {
        return timesheetService.submit(employeeId, weekStart).map(WeekView::of);
    }

    @POST
    @Path("/{employeeId}/{weekStart}/approve")
    @RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "approveTimesheet", summary = "Approve a submitted week", description = "Nobody approves their own week.")
    public Uni<WeekView> approve(@RestPath Long employeeId, @RestPath LocalDate weekStart) {
        return timesheetService.approve(employeeId, weekStart).map(WeekView::of);
    }

    @POST
    @Path("/{employeeId}/{weekStart}/reject")
    @RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "rejectTimesheet", summary = "Reject a submitted week with a reason", description = "The employee can then correct and resubmit.")
    public Uni<WeekView> reject(@RestPath Long employeeId, @RestPath LocalDate weekStart, @Valid @NotNull Rejection rejection) {
        return timesheetService.reject(employeeId, weekStart, rejection.reason()).map(WeekView::of);
    }

    @POST
    @Path("/{employeeId}/{weekStart}/reopen")
    @RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "reopenTimesheet", summary = "Reopen a week", description = "Back to OPEN so its time can change; refused in a locked period.")
    public Uni<WeekView> reopen(@RestPath Long employeeId, @RestPath LocalDate weekStart) {
        return timesheetService.reopen(employeeId, weekStart).map(WeekView::of);
    }
}
