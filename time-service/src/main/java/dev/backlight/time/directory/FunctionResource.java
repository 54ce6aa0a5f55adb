package dev.backlight.time.directory;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/time/functions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Functions", description = "The back-office functions time is logged against, each with its output unit, "
        + "quality check and productivity metric")
public class FunctionResource {

    @Inject
    FunctionService functionService;

    @Schema(name = "NewFunction")
    public record NewFunction(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be 2-40 upper-case letters, digits or '_'")
            @Schema(example = "CLIENT_ONBOARDING") String code,
            @Valid @NotNull FunctionChange details) {
    }

    @Schema(name = "FunctionChange")
    public record FunctionChange(
            @NotBlank @Size(max = 200) @Schema(example = "Client onboarding") String name,
            @Size(max = 300) @Schema(example = "Client programs launched") String outputUnit,
            @Size(max = 300) @Schema(example = "Launch defects in week 1") String qualityCheck,
            @Size(max = 300) @Schema(example = "Hours per client launch") String productivityMetric) {
        FunctionService.FunctionData data() {
            return new FunctionService.FunctionData(name, outputUnit, qualityCheck, productivityMetric);
        }
    }

    @Schema(name = "Function")
    public record FunctionView(
            @Schema(example = "SCHEDULING") String code,
            @Schema(example = "Schedule building") String name,
            @Schema(example = "Schedules published") String outputUnit,
            @Schema(example = "Coverage gaps per schedule, overtime triggered") String qualityCheck,
            @Schema(example = "Hours to build a complete weekly schedule") String productivityMetric,
            @Schema(description = "From the standard catalog rather than added by the tenant", example = "true") boolean builtIn,
            @Schema(description = "When it stopped taking new time; null while active") Instant retiredAt,
            @Schema(description = "Changes with every change; its ETag goes in If-Match", example = "3") long version) implements Versioned {
        static FunctionView of(WorkFunction f) {
            return new FunctionView(f.code, f.name, f.outputUnit, f.qualityCheck, f.productivityMetric, f.builtIn, f.retiredAt,
                    f.version);
        }
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ANALYST})
    @Operation(operationId = "listFunctions", summary = "The functions catalog", description = "Active functions by default; retired ones keep their history.")
    public Uni<ListPage<FunctionView>> list(@QueryParam("includeRetired") @DefaultValue("false") boolean includeRetired, @Valid @BeanParam PageRequest page) {
        return functionService.list(includeRetired).map(list -> ListPage.of(list, page).map(FunctionView::of));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.STAFF, Roles.ANALYST})
    @Operation(operationId = "getFunction", summary = "One function")
    public Uni<FunctionView> get(@RestPath String code) {
        return functionService.get(code).map(FunctionView::of);
    }

    @POST
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    @Operation(operationId = "createFunction", summary = "Add a function of the tenant's own")
    public Uni<FunctionView> create(@Valid @NotNull NewFunction request) {
        return functionService.create(request.code(), request.details().data()).map(FunctionView::of);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "updateFunction", summary = "Rename or redescribe a function", description = "The code stays; history is unaffected.")
    public Uni<FunctionView> update(@RestPath String code, @Valid @NotNull FunctionChange request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return functionService.update(code, request.data(), ifMatch).map(FunctionView::of);
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "retireFunction", summary = "Retire a function", description = "It takes no new time; its history stays in every report.")
    public Uni<FunctionView> retire(@RestPath String code) {
        return functionService.retire(code).map(FunctionView::of);
    }

    @POST
    @Path("/{code}/reinstate")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "reinstateFunction", summary = "Take a retired function back into use")
    public Uni<FunctionView> reinstate(@RestPath String code) {
        return functionService.reinstate(code).map(FunctionView::of);
    }
}
