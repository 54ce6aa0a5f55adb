package dev.backlight.time.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.csv.CsvExportable;
import dev.backlight.support.csv.CsvTable;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.tenancy.Roles;
import dev.backlight.support.time.Hours;
import dev.backlight.time.interruptions.InterruptionKind;
import dev.backlight.time.reports.ReportService.Bucket;
import dev.backlight.time.reports.ReportService.Dimension;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/time/reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Aggregates", description = "Hours and interruptions summed by the database, for the other services and BI tools (JSON or CSV)")
public class ReportResource {

    /** Entry-level detail is read about a quarter at a time at most (a quarter in whole weeks fits). */
    private static final int LONGEST_DETAIL_DAYS = 100;
    /** Day by day: a year and a month, enough to cost a year's overtime in whole weeks. */
    static final int LONGEST_DAILY_DAYS = 400;
    /** In weeks, months or in total: three years, the longest a costing or review report asks for. */
    static final int LONGEST_DAYS = 1100;

    @Inject
    ReportService reportService;

    @Schema(name = "HoursRow", description = "Hours of one group; null columns are not grouped by (or shared time, for clientCode)")
    @JsonPropertyOrder({"period", "functionCode", "clientCode", "employeeId", "team", "seconds", "hours", "entries", "personDays"})
    public record HoursRowView(
            @Schema(description = "First day of the day, week or month; absent for bucket=total", example = "2026-03-09") LocalDate period,
            @Schema(example = "SCHEDULING") String functionCode,
            @Schema(description = "Null for shared time", example = "CLIENT-A") String clientCode,
            @Schema(example = "12") Long employeeId,
            @Schema(example = "Workforce management") String team,
            @Schema(description = "Exact total", example = "25200") long seconds,
            @Schema(example = "7.0000") BigDecimal hours,
            @Schema(example = "3") long entries,
            @Schema(description = "Days worked in the group counted once per person (the distinct employee and day pairs "
                    + "with time in it); only with personDays=true, else null", example = "2") Long personDays) {
        static HoursRowView of(ReportService.HoursRow r) {
            return new HoursRowView(r.period(), r.functionCode(), r.clientCode(), r.employeeId(), r.team(), r.seconds(),
                    r.hours(), r.entries(), r.personDays());
        }
    }

    @Schema(name = "HoursReport")
    public record HoursReportView(
            @Schema(example = "2026-03-01") LocalDate from,
            @Schema(description = "Exclusive", example = "2026-04-01") LocalDate to,
            @Schema(description = "Zone whose calendar the days are", example = "America/New_York") String timeZone,
            @Schema(example = "WEEK") Bucket bucket,
            List<Dimension> groupBy,
            @Schema(example = "25200") long totalSeconds,
            @Schema(example = "7.0000") BigDecimal totalHours,
            List<HoursRowView> rows) implements CsvExportable {

        @Override
        public CsvTable csvTable() {
            return CsvTable.of(HoursRowView.class, rows);
        }
    }

    @Schema(name = "InterruptionRow")
    @JsonPropertyOrder({"day", "employeeId", "kind", "count", "minutes"})
    public record InterruptionRowView(LocalDate day, Long employeeId, InterruptionKind kind,
            @Schema(example = "8") long count, @Schema(description = "Minutes spent on the interruptions themselves", example = "32") long minutes) {
        static InterruptionRowView of(ReportService.InterruptionRow r) {
            return new InterruptionRowView(r.period(), r.employeeId(), r.kind(), r.count(), r.minutes());
        }
    }

    @GET
    @Path("/hours")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "getHoursReport", summary = "Hours by function, client, employee, team and period", description = "Finished entries whose "
            + "work date is in [from, to). groupBy is a comma list of function, client, employee, team (or none); bucket is day, "
            + "week (from the tenant's week start), month or total. At most " + LONGEST_DAILY_DAYS + " days with bucket=day, "
            + LONGEST_DAYS + " days otherwise (400 naming `to` beyond). Staff get only their own hours. As CSV (Accept: "
            + "text/csv): one line per group.")
    public Uni<HoursReportView> hours(@Valid @ValidRange(max = LONGEST_DAYS) @BeanParam HoursQuery query) {
        return report(query).map(report -> {
            List<HoursRowView> rows = report.rows().stream().map(HoursRowView::of).toList();
            long total = report.totalSeconds();
            return new HoursReportView(query.from(), query.to(), report.timeZone(), report.bucket(), report.groupBy(), total,
                    Hours.of(total, 4), rows);
        });
    }

    @Schema(name = "TimelineRow", description = "One finished timed entry, in the order worked")
    @JsonPropertyOrder({"employeeId", "workDate", "functionCode", "clientCode", "startedAt", "endedAt", "zone"})
    public record TimelineRowView(@Schema(example = "12") Long employeeId, @Schema(example = "2026-03-09") LocalDate workDate,
            @Schema(example = "SCHEDULING") String functionCode, @Schema(description = "Null for shared time", example = "CLIENT-A") String clientCode,
            @Schema(example = "2026-03-09T13:00:00Z") Instant startedAt, @Schema(example = "2026-03-09T14:30:00Z") Instant endedAt,
            @Schema(description = "Zone the entry was captured in", example = "America/New_York") String zone) {
        static TimelineRowView of(ReportService.TimelineRow r) {
            return new TimelineRowView(r.employeeId(), r.workDate(), r.functionCode(), r.clientCode(), r.startedAt(), r.endedAt(), r.zone());
        }
    }

    @Schema(name = "InterruptionMoment")
    public record InterruptionMomentView(@Schema(example = "12") Long employeeId,
            @Schema(example = "2026-03-09T14:05:00Z") Instant occurredAt, InterruptionKind kind) {
    }

    @GET
    @Path("/timeline")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN})
    @Operation(operationId = "getTimeline", summary = "Finished timed entries in the order worked", description = "Managers, tenant admins and staff (their own) only: the exact start and end of every entry. Work dates in [from, to), per employee "
            + "by start. Entries recorded as a bare duration are not in it. Staff get only their own. As CSV (Accept: text/csv): the timeline.")
    public Uni<List<TimelineRowView>> timeline(@Valid @ValidRange(max = LONGEST_DETAIL_DAYS) @BeanParam DateRange range, @QueryParam("employeeId") Long employeeId) {
        return reportService.timeline(range.from(), range.to(), employeeId)
                .map(rows -> rows.stream().map(TimelineRowView::of).toList());
    }

    @GET
    @Path("/interruption-moments")
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "getInterruptionMoments", summary = "When each interruption happened", description = "Work dates in [from, to), per employee in time order.")
    public Uni<List<InterruptionMomentView>> interruptionMoments(@Valid @ValidRange(max = LONGEST_DETAIL_DAYS) @BeanParam DateRange range,
            @QueryParam("employeeId") Long employeeId) {
        return reportService.interruptionMoments(range.from(), range.to(), employeeId).map(list -> list.stream()
                .map(m -> new InterruptionMomentView(m.employeeId(), m.occurredAt(), m.kind())).toList());
    }

    @GET
    @Path("/interruptions")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.STAFF, Roles.MANAGER, Roles.TENANT_ADMIN, Roles.ANALYST})
    @Operation(operationId = "getInterruptionsReport", summary = "Interruption counts and minutes by day, employee and kind", description = "Work dates in [from, to), "
            + "at most " + LONGEST_DAILY_DAYS + " days. Also as CSV (Accept: text/csv).")
    public Uni<List<InterruptionRowView>> interruptions(@Valid @ValidRange(max = LONGEST_DAILY_DAYS) @BeanParam DateRange range,
            @QueryParam("employeeId") Long employeeId) {
        return reportService.interruptions(range.from(), range.to(), employeeId).map(list -> list.stream().map(InterruptionRowView::of).toList());
    }

    private Uni<ReportService.HoursReport> report(HoursQuery query) {
        return reportService.hours(query.filter(), query.groupBy.values(), query.bucket, query.personDays);
    }
}
