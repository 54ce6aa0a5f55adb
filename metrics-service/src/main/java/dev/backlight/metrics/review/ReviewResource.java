package dev.backlight.metrics.review;

import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.metrics.review.ReviewService.MonthlyReview;
import dev.backlight.metrics.review.ReviewService.QuarterlyReview;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.tenancy.Roles;
import dev.backlight.support.time.Quarter;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews", description = "The seed's monthly and quarterly review cycle: what regressed, why, and what to improve next")
public class ReviewResource {

    private final ReviewService reviews;

    ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Path("/monthly")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getMonthlyReview", summary = "Monthly review", description = "Per function, time per unit against the previous month; for "
            + "each function whose hours went up, whether it was a volume spike or an efficiency decline, split into "
            + "volume and rate effects that add up to the change; and the one function to improve next. As CSV (Accept: text/csv): monthly review's per-function changes.")
    public Uni<MonthlyReview> monthly(@Parameter(example = "2026-03") @QueryParam("month") @NotNull YearMonth month) {
        return reviews.monthly(month);
    }

    @GET
    @Path("/quarterly")
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getQuarterlyReview", summary = "Quarterly review", description = "Back-office hours against operation size and their trend, "
            + "quality against the previous quarter, processes added without simplification, and whether the next "
            + "quarter's focus is process improvement or capacity adjustment, with the reasons. As CSV (Accept: text/csv): quarterly review's per-function quality against the previous quarter.")
    public Uni<QuarterlyReview> quarterly(@Parameter(example = "2026-Q1") @QueryParam("quarter") @NotNull Quarter quarter) {
        return reviews.quarterly(quarter);
    }
}
