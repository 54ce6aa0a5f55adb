package dev.backlight.metrics.productivity;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.metrics.productivity.MetricsService.PeriodFigures;
import dev.backlight.metrics.productivity.MetricsService.Slice;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.rest.DateRange;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics")
@Tag(name = "Productivity", description = "Time per output unit, each function's own metric, quality and band (JSON or CSV)")
public class ProductivityResource {

    /** The seed's baseline: time-track for two weeks, then divide. */
    static final int BASELINE_DAYS = 14;
    private static final int LONGEST_PERIOD_DAYS = 366;

    private final MetricsService metrics;

    ProductivityResource(MetricsService metrics) {
        this.metrics = metrics;
    }

    @GET
    @Path("/productivity")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getProductivity", summary = "Productivity figures for [from, to)", description = "Per function, or per function and "
            + "employee, team or client (groupBy). Hours come from time-service's aggregates, units from outputs finished "
            + "in the period. Send Accept: text/csv for CSV.")
    public Uni<PeriodFigures> productivity(@Valid @BeanParam DateRange range,
            @QueryParam("groupBy") @DefaultValue("function") @Parameter(description = "function, employee, team or client",
                    example = "employee") String groupBy) {
        return metrics.figures(range.from(), range.to(LONGEST_PERIOD_DAYS), slice(groupBy));
    }

    @GET
    @Path("/productivity")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Productivity figures as CSV", description = "One line per function (and slice).")
    public Uni<String> productivityCsv(@Valid @BeanParam DateRange range, @QueryParam("groupBy") @DefaultValue("function")
            @Parameter(description = "function, employee, team or client", example = "employee") String groupBy) {
        return metrics.figures(range.from(), range.to(LONGEST_PERIOD_DAYS), slice(groupBy)).map(ProductivityResource::csv);
    }

    @GET
    @Path("/baseline")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getBaseline", summary = "Baseline: two weeks of tracked time divided by output", description = "Every function's hours, "
            + "units, time per unit, quality and band for [from, from + 14 days), or [from, to) when to is given. "
            + "functionsWithoutOutput lists hours that produced no recorded output.")
    public Uni<PeriodFigures> baseline(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") LocalDate to) {
        return metrics.figures(from, baselineEnd(from, to), Slice.FUNCTION);
    }

    @GET
    @Path("/baseline")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Baseline as CSV")
    public Uni<String> baselineCsv(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") LocalDate to) {
        return metrics.figures(from, baselineEnd(from, to), Slice.FUNCTION).map(ProductivityResource::csv);
    }

    static String csv(PeriodFigures figures) {
        List<FigureRow> rows = figures.functions().stream().map(f -> FigureRow.of(figures.from(), figures.to(), f)).toList();
        return Csv.write(FigureRow.class, rows);
    }

    private static LocalDate baselineEnd(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? from.plusDays(BASELINE_DAYS) : to;
        if (!end.isAfter(from)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        if (end.isAfter(from.plusDays(LONGEST_PERIOD_DAYS))) {
            throw ApiException.invalidField("to", "must be at most " + LONGEST_PERIOD_DAYS + " days after from");
        }
        return end;
    }

    private static Slice slice(String groupBy) {
        try {
            return Slice.valueOf(groupBy.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("groupBy", "must be one of function, employee, team, client");
        }
    }
}
