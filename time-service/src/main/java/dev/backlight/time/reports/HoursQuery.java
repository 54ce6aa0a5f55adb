package dev.backlight.time.reports;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import dev.backlight.support.rest.Choices;
import dev.backlight.support.rest.DateRange;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters of the hours aggregate, shared by its JSON and CSV forms. */
class HoursQuery extends DateRange {

    @QueryParam("groupBy")
    @DefaultValue("FUNCTION")
    @Parameter(description = "A comma list of FUNCTION, CLIENT, EMPLOYEE, TEAM, in either case",
            schema = @Schema(type = SchemaType.STRING, example = "FUNCTION,CLIENT"))
    Choices<ReportService.Dimension> groupBy;

    @QueryParam("bucket")
    @DefaultValue("TOTAL")
    ReportService.Bucket bucket;

    @QueryParam("employeeId")
    Long employeeId;

    @QueryParam("functionCode")
    String functionCode;

    @QueryParam("clientCode")
    String clientCode;

    @QueryParam("team")
    String team;

    @QueryParam("personDays")
    @DefaultValue("false")
    @Parameter(description = "Also count each group's person-days (a per-person, per-day metric's divisor, such as QA "
            + "evaluations per analyst per day)")
    boolean personDays;

    /** Day buckets multiply the rows, so they take a shorter period than the others. */
    @Override
    public int tighterLimit() {
        return bucket == ReportService.Bucket.DAY ? ReportResource.LONGEST_DAILY_DAYS : 0;
    }

    ReportService.HoursFilter filter() {
        return new ReportService.HoursFilter(from(), to(), employeeId, functionCode, clientCode, team);
    }
}
