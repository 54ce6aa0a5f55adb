package dev.backlight.support.rest;

import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Whole months from {@code from} to {@code to}, both included; {@link ValidRange} bounds it in months. */
public class MonthRange implements Span {

    @QueryParam("from")
    @NotNull
    @Parameter(description = "First month", example = "2026-03")
    YearMonth from;

    @QueryParam("to")
    @NotNull
    @Parameter(description = "Last month, included. Each operation says the longest period it takes", example = "2026-03")
    YearMonth to;

    public YearMonth from() {
        return from;
    }

    public YearMonth to() {
        return to;
    }

    @Override
    public LocalDate start() {
        return from == null ? null : from.atDay(1);
    }

    @Override
    public LocalDate end() {
        return to == null ? null : to.plusMonths(1).atDay(1);
    }
}
