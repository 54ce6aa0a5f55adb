package dev.backlight.support.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;

import dev.backlight.support.problem.ApiException;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Work dates in [from, to), as every listing and aggregate takes them. */
public class DateRange {

    @QueryParam("from")
    @NotNull
    @Parameter(description = "First day, included", example = "2026-03-01")
    LocalDate from;

    @QueryParam("to")
    @NotNull
    @Parameter(description = "Day after the last, excluded. Each operation says the longest range it takes; beyond it "
            + "the answer is a 400 naming to", example = "2026-04-01")
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
