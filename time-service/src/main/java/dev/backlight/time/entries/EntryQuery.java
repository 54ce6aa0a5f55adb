package dev.backlight.time.entries;

import jakarta.ws.rs.QueryParam;

import dev.backlight.support.rest.DateRange;

/** The filters shared by the entry list and the CSV export: work dates in [from, to) and optional narrowing. */
class EntryQuery extends DateRange {

    @QueryParam("employeeId")
    Long employeeId;

    @QueryParam("functionCode")
    String functionCode;

    @QueryParam("clientCode")
    String clientCode;

    @QueryParam("source")
    EntrySource source;

    @QueryParam("needsReview")
    Boolean needsReview;

    /** Three years, the longest range a list or an export covers (page or stream through longer histories). */
    static final int LONGEST_DAYS = 1100;

    TimeEntryService.EntryFilter filter() {
        return new TimeEntryService.EntryFilter(from(), to(), employeeId, functionCode, clientCode, source, needsReview);
    }
}
