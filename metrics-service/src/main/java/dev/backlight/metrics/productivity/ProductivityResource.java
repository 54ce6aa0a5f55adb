package dev.backlight.metrics.productivity;

import java.time.LocalDate;

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
import dev.backlight.support.rest.ValidRange;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics")
@Produces(MediaType.APPLICATION_JSON)
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
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getProductivity", summary = "Productivity figures for [from, to)", description = "Per function, or per function and "
            + "employee, team or client (groupBy). Hours come from time-service's aggregates, units from outputs finished "
            + "in the period. As CSV (Accept: text/csv): one line per function (and slice).")
    public Uni<PeriodFigures> productivity(@Valid @ValidRange(max = LONGEST_PERIOD_DAYS) @BeanParam DateRange range,
            @QueryParam("groupBy") @DefaultValue("FUNCTION") @Parameter(description = "What each line is: a function, or a function and an employee, team or client", example = "EMPLOYEE") Slice groupBy) {
        return metrics.figures(range.from(), range.to(), groupBy);
    }

    @GET
    @Path("/baseline")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getBaseline", summary = "Baseline: two weeks of tracked time divided by output", description = "Every function's hours, "
            + "units, time per unit, quality and band for [from, from + 14 days), or [from, to) when to is given. "
            + "functionsWithoutOutput lists hours that produced no recorded output. As CSV (Accept: text/csv): baseline.")
    public Uni<PeriodFigures> baseline(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") LocalDate to) {
        return metrics.figures(from, baselineEnd(from, to), Slice.FUNCTION);
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
}
