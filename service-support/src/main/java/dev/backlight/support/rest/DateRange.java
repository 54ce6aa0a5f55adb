package dev.backlight.support.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;

import dev.backlight.support.problem.ApiException;

/** Work dates in [from, to), as every listing and aggregate takes them. */
public class DateRange {

    @QueryParam("from")
    @NotNull
    LocalDate from;

    @QueryParam("to")
    @NotNull
    LocalDate to;

    /** The first day, after checking that the range is not empty. */
    public LocalDate from() {
        if (!to.isAfter(from)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        return from;
    }

    public LocalDate to() {
        from();
        return to;
    }

    /** The exclusive end, after checking that the range spans at most {@code longestDays} days. */
    public LocalDate to(int longestDays) {
        if (to().isAfter(from.plusDays(longestDays))) {
            throw ApiException.invalidField("to", "must be at most " + longestDays + " days after from");
        }
        return to;
    }
}
