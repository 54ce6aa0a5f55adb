package dev.backlight.metrics.productivity.benchmark;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.ListPage;
import dev.backlight.support.rest.PageRequest;
import dev.backlight.support.rest.Versioned;
import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

@Path("/api/metrics/benchmarks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Benchmarks", description = "Slow / reasonable / efficient bands per function. The defaults are the seed's "
        + "starting values: schedule build for 50 agents (efficient < 2 h/week, reasonable 2-4, slow > 6), timesheet "
        + "review for 50 agents (< 1, 1-2, > 4 h/week), payroll for 100 employees (< 4, 6-8, > 12 h/cycle), QA evaluation "
        + "(< 20, 20-30, > 45 min each), weekly report (< 1, 1-2, > 3 h), onboarding (< 1.5, 2-3, > 5 h/hire), client "
        + "invoice (< 1, 1-2, > 4 h). Scaled bands grow linearly with the tenant's agents or employees.")
public class BenchmarkResource {

    private final BenchmarkService benchmarks;

    BenchmarkResource(BenchmarkService benchmarks) {
        this.benchmarks = benchmarks;
    }

    @Schema(name = "Bands")
    public record BandsRequest(
            @NotNull @Schema(example = "HOURS_PER_UNIT") Benchmark.Basis basis,
            @NotNull @Schema(example = "AGENTS") Benchmark.Scale scale,
            @Min(1) @Max(1_000_000) @Schema(description = "Operation size the thresholds are for; required unless scale is NONE", example = "50") Integer referenceSize,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(example = "1.5") BigDecimal efficientBelow,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(example = "1.5") BigDecimal reasonableFrom,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(example = "3") BigDecimal reasonableTo,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) @Schema(example = "5") BigDecimal slowAbove) {
    }

    @Schema(name = "FunctionBenchmark")
    public record BenchmarkView(@Schema(example = "SCHEDULING") String functionCode,
            @Schema(example = "Schedule building") String functionName,
            @Schema(description = "Null when the function has no benchmark") Benchmark bands,
            @Schema(description = "0 while the standard bands apply, then changes with every change of the tenant's own; "
                    + "its ETag goes in If-Match", example = "1") long version) implements Versioned {
        static BenchmarkView of(BenchmarkService.EffectiveBenchmark b) {
            return new BenchmarkView(b.functionCode(), b.functionName(), b.bands(), b.version());
        }
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "listBenchmarks", summary = "The bands every function is judged by", description = "The tenant's own where set (standard=false), else the seed's.")
    public Uni<ListPage<BenchmarkView>> list(@Valid @BeanParam PageRequest page) {
        return benchmarks.effective().map(list -> ListPage.of(list, page).map(BenchmarkView::of));
    }

    @PUT
    @Path("/{functionCode}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "setBenchmarkBands", summary = "Set the tenant's own bands for a function", description = "Thresholds must be in order: "
            + "efficientBelow <= reasonableFrom <= reasonableTo <= slowAbove.")
    public Uni<BenchmarkView> override(@RestPath String functionCode, @Valid @NotNull BandsRequest r,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return benchmarks.override(functionCode, new BenchmarkService.BandsInput(r.basis(), r.scale(), r.referenceSize(),
                r.efficientBelow(), r.reasonableFrom(), r.reasonableTo(), r.slowAbove()), ifMatch).map(BenchmarkView::of);
    }

    @DELETE
    @Path("/{functionCode}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(204)
    @Operation(operationId = "resetBenchmarkBands", summary = "Go back to the standard bands for a function", description = "404 when the tenant had no bands of its own for it.")
    public Uni<Void> reset(@RestPath String functionCode,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return benchmarks.reset(functionCode, ifMatch);
    }
}
