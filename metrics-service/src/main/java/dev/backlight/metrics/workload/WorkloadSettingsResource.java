package dev.backlight.metrics.workload;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.backlight.support.rest.Versions;
import dev.backlight.support.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

/** The thresholds behind the workload analyses. */
@Path("/api/metrics/workload/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workload", description = "Interruption cost, context switching and batching, sustainability, and the settings behind them")
public class WorkloadSettingsResource {

    private final WorkloadSettingsService settings;

    WorkloadSettingsResource(WorkloadSettingsService settings) {
        this.settings = settings;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.MANAGER, Roles.ANALYST})
    @Operation(operationId = "getWorkloadSettings", summary = "The tenant's workload settings", description = "Until set, the seed's 10-15 minutes per context switch.")
    public Uni<WorkloadSettings> settings() {
        return settings.current();
    }

    @PUT
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Operation(operationId = "setWorkloadSettings", summary = "Set the tenant's workload settings")
    public Uni<WorkloadSettings> update(@Valid @NotNull WorkloadSettingsChange request,
            @RestHeader("If-Match") @Parameter(description = Versions.IF_MATCH_DESCRIPTION) String ifMatch) {
        return settings.update(request, ifMatch);
    }
}
