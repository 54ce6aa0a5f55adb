package dev.backlight.metrics.review;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.metrics.review.ReviewService.MonthlyReview;
import dev.backlight.metrics.review.ReviewService.QuarterlyReview;
import dev.backlight.support.csv.Csv;
import dev.backlight.support.problem.ApiException;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/metrics/reviews")
@Tag(name = "Reviews", description = "The seed's monthly and quarterly review cycle: what regressed, why, and what to improve next")
public class ReviewResource {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    private final ReviewService reviews;

    ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Path("/monthly")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getMonthlyReview", summary = "Monthly review", description = "Per function, time per unit against the previous month; for "
            + "each function whose hours went up, whether it was a volume spike or an efficiency decline, split into "
            + "volume and rate effects that add up to the change; and the one function to improve next.")
    public Uni<MonthlyReview> monthly(@Parameter(example = "2026-03") @QueryParam("month") @NotBlank String month) {
        return reviews.monthly(month(month));
    }

    @GET
    @Path("/monthly")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Monthly review's per-function changes as CSV")
    public Uni<String> monthlyCsv(@QueryParam("month") @NotBlank String month) {
        return reviews.monthly(month(month)).map(review -> Csv.write(ReviewService.FunctionChange.class, review.functions()));
    }

    @GET
    @Path("/quarterly")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getQuarterlyReview", summary = "Quarterly review", description = "Back-office hours against operation size and their trend, "
            + "quality against the previous quarter, processes added without simplification, and whether the next "
            + "quarter's focus is process improvement or capacity adjustment, with the reasons.")
    public Uni<QuarterlyReview> quarterly(@Parameter(example = "2026-Q1") @QueryParam("quarter") @NotBlank String quarter) {
        return quarterlyReview(quarter);
    }

    @GET
    @Path("/quarterly")
    @Produces(Csv.MEDIA_TYPE)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(summary = "Quarterly review's per-function quality against the previous quarter, as CSV")
    public Uni<String> quarterlyCsv(@QueryParam("quarter") @NotBlank String quarter) {
        return quarterlyReview(quarter).map(review -> Csv.write(ReviewService.ErrorRateChange.class, review.errorRates()));
    }

    private Uni<QuarterlyReview> quarterlyReview(String quarter) {
        Matcher m = QUARTER.matcher(quarter.trim());
        if (!m.matches()) {
            throw ApiException.invalidField("quarter", "must look like 2026-Q1");
        }
        return reviews.quarterly(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static YearMonth month(String value) {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("month", "must look like 2026-03");
        }
    }
}
