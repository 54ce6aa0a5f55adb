package dev.backlight.support.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Work dates in [from, to), as every listing and aggregate takes them; {@link ValidRange} bounds it. */
public class DateRange implements Span {

    @QueryParam("from")
    @NotNull
    @Parameter(description = "First day, included", example = "2026-03-01")
    LocalDate from;

    @QueryParam("to")
    @NotNull
    @Parameter(description = "Day after the last, excluded. Each operation says the longest range it takes; beyond it "
            + "the answer is a 400 naming to", example = "2026-04-01")
    LocalDate to;

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    @Override
    public LocalDate start() {
        return from;
    }

    @Override
    public LocalDate end() {
        return to;
    }
}
