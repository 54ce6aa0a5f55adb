package dev.backlight.time.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;

import dev.backlight.support.problem.ApiException;
import dev.backlight.time.domain.EntrySource;
import dev.backlight.time.service.TimeEntryService;

/** The filters shared by the entry list and the CSV export: work dates in [from, to) and optional narrowing. */
public class EntryQuery {

    @QueryParam("from")
    @NotNull
    LocalDate from;

    @QueryParam("to")
    @NotNull
    LocalDate to;

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

    TimeEntryService.EntryFilter filter() {
        if (!to.isAfter(from)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        return new TimeEntryService.EntryFilter(from, to, employeeId, functionCode, clientCode, source, needsReview);
    }
}
