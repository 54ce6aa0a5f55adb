package dev.backlight.support.rest;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.QueryParam;

import dev.backlight.support.problem.ApiException;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Whole months from {@code from} to {@code to}, both included, at most 36 of them. */
public class MonthRange {

    private static final int LONGEST = 36;

    @QueryParam("from")
    @NotBlank
    @Parameter(description = "First month", example = "2026-03")
    String from;

    @QueryParam("to")
    @NotBlank
    @Parameter(description = "Last month, included; at most 36 months after from", example = "2026-03")
    String to;

    public YearMonth from() {
        YearMonth first = parse("from", from);
        YearMonth last = parse("to", to);
        if (last.isBefore(first)) {
            throw ApiException.invalidField("to", "must not be before from");
        }
        if (first.plusMonths(LONGEST).isBefore(last.plusMonths(1))) {
            throw ApiException.invalidField("to", "must be at most " + LONGEST + " months after from");
        }
        return first;
    }

    public YearMonth to() {
        from();
        return parse("to", to);
    }

    /** A month like 2026-03; 400 naming {@code field} otherwise. */
    public static YearMonth parse(String field, String value) {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be a month like 2026-03");
        }
    }
}
