package dev.backlight.time.reports;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import dev.backlight.support.rest.DateRange;

/** The parameters of the hours aggregate, shared by its JSON and CSV forms. */
class HoursQuery extends DateRange {

    /** Comma list of function, client, employee, team; or none. */
    @QueryParam("groupBy")
    @DefaultValue("function")
    String groupBy;

    /** day, week, month or total. */
    @QueryParam("bucket")
    @DefaultValue("total")
    String bucket;

    @QueryParam("employeeId")
    Long employeeId;

    @QueryParam("functionCode")
    String functionCode;

    @QueryParam("clientCode")
    String clientCode;

    @QueryParam("team")
    String team;

    /** The filter, after checking that the range spans at most {@code longestDays} days. */
    ReportService.HoursFilter filter(int longestDays) {
        return new ReportService.HoursFilter(from(), to(longestDays), employeeId, functionCode, clientCode, team);
    }
}
